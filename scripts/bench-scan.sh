#!/usr/bin/env bash
# Scan benchmark: seeds a moto server with a larger account (scripts/bench_seed.py: about SCALE
# resources in every service wasp collects that moto implements, over two regions), then times
# `wasp scan` against it and reports wall time, peak memory and the API calls wasp made (in
# total, per operation for S3 and EC2 snapshots, and per service against the resources seeded
# in it). Usage: scripts/bench-scan.sh [SCALE]; WASP=path/to/wasp compares another build (an
# older commit's) on the same seed instead of building this one.
set -euo pipefail
cd "$(dirname "$0")/.."
scale="${1:-300}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}"
moto_server="$(scripts/test-deps.sh)"
python="$(dirname "$moto_server")/python"
if [ -z "${WASP:-}" ]; then
  cargo build --release --locked -p wasp-cli >&2
  wasp="$CARGO_TARGET_DIR/release/wasp"
else
  wasp="$WASP"
fi

work="$(mktemp -d)"
port="$("$python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
(cd "$work" && exec "$moto_server" -H 127.0.0.1 -p "$port" >"$work/moto.log" 2>&1) &
moto_pid=$!
trap 'kill $moto_pid 2>/dev/null; rm -rf "$work"' EXIT
endpoint="http://127.0.0.1:$port"
until curl -fs "$endpoint/moto-api/data.json" >/dev/null 2>&1; do sleep 0.2; done

"$python" scripts/bench_seed.py "$endpoint" "$scale" --counts "$work/seeded.json"
# The endpoint's own service time: sequential keep-alive requests of the kind wasp makes most.
"$python" - "$port" <<'PY'
import http.client, sys, time
conn = http.client.HTTPConnection("127.0.0.1", int(sys.argv[1]))
start, n = time.perf_counter(), 500
for i in range(n):
    conn.request("GET", f"/bench-us-east-1-{i % 100}?acl")
    conn.getresponse().read()
print(f"endpoint: {(time.perf_counter() - start) / n * 1000:.2f} ms per request, sequential")
PY
export AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing AWS_EC2_METADATA_DISABLED=true
for run in 1 2 3; do
  /usr/bin/time -f "%e %M" -o "$work/time" \
    "$wasp" scan --quiet --endpoint-url "$endpoint" --regions us-east-1,eu-west-1 \
    --format json -o "$work/review.json" --fail-on none
  read -r wall rss <"$work/time"
  "$python" - "$work/review.json" "$wall" "$rss" "$run" "$work/seeded.json" <<'PY'
import json, sys
review = json.load(open(sys.argv[1]))
seeded = json.load(open(sys.argv[5]))
stats = review.get("collection") or {}
calls = stats.get("api_calls", [])
top = sorted(calls, key=lambda c: -c["count"])[:5]
by_op = {}
for c in calls:
    if c["service"] == "s3" or "Snapshot" in c["operation"]:
        key = f"{c['service']}:{c['operation']}"
        by_op[key] = by_op.get(key, 0) + c["count"]
print(f"run {sys.argv[4]}: wall {float(sys.argv[2]):.2f} s, peak RSS {int(sys.argv[3]) / 1024:.0f} MiB, "
      f"collection {stats.get('duration_ms', 0) / 1000:.2f} s, {stats.get('api_calls_total', 0)} API calls, "
      f"{len(review['findings'])} findings, {len(review['gaps'])} gaps")
if sys.argv[4] == "1":
    for c in top:
        print(f"    {c['count']:>6}  {c['service']} {c['region']} {c['operation']}")
    print("    S3 and snapshot calls: " + ", ".join(f"{k} {v}" for k, v in sorted(by_op.items())))
    # Calls per service against what the seed created in it (every kind of resource summed).
    per_service = {}
    for c in calls:
        per_service[c["service"]] = per_service.get(c["service"], 0) + c["count"]
    print(f"    {'service':<16} {'calls':>6} {'seeded':>7} {'per resource':>12}")
    for service, n in sorted(per_service.items(), key=lambda kv: -kv[1]):
        resources = sum(seeded.get(service, {}).values())
        ratio = f"{n / resources:.2f}" if resources else "-"
        print(f"    {service:<16} {n:>6} {resources:>7} {ratio:>12}")
PY
done
