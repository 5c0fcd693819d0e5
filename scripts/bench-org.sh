#!/usr/bin/env bash
# Organization memory benchmark: seeds a moto server with an organization of ACCOUNTS accounts
# (the management account and ACCOUNTS - 1 members, each with the same modest set: users,
# buckets, security groups; scripts/bench_org_seed.py), then times `wasp scan --organization`
# against it twice, for one member (`--accounts ID`) and for every account, and reports wall
# time, peak memory (/usr/bin/time), the accounts reviewed and the API calls of each, and what
# each account beyond the first cost in memory. Peak memory of the whole organization should
# stay within a small constant of the one-account scan: accounts are scanned a few at a time
# (--account-concurrency, default 4) and only their compact outcomes are kept.
# Usage: scripts/bench-org.sh [--seed-only] [ACCOUNTS]   (ACCOUNTS defaults to 50)
#   --seed-only   start moto, seed and check the organization, then stop (no build, no scan)
#   WASP=path/to/wasp      run that build instead of building this one
#   SERVICES=iam,s3,ec2    pass --services (default: every service wasp collects)
#   RUNS=3                 scan each way RUNS times (default 1)
# The scans store their reviews in a temporary database (WASP_DB), as a default run would
# store them, without touching the user's.
set -euo pipefail
cd "$(dirname "$0")/.."
seed_only=false
if [ "${1:-}" = "--seed-only" ]; then
  seed_only=true
  shift
fi
accounts="${1:-50}"
runs="${RUNS:-1}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}"
moto_server="$(scripts/test-deps.sh)"
python="$(dirname "$moto_server")/python"
if $seed_only; then
  wasp=""
elif [ -z "${WASP:-}" ]; then
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

"$python" scripts/bench_org_seed.py "$endpoint" "$accounts" --ids "$work/accounts.txt"
$seed_only && exit 0
member="$(sed -n 2p "$work/accounts.txt")"
if [ -z "$member" ]; then
  echo "bench-org: ACCOUNTS must be at least 2 (the one-account scan takes a member)" >&2
  exit 2
fi

export AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing AWS_REGION=us-east-1 \
  AWS_EC2_METADATA_DISABLED=true WASP_DB="$work/reviews.db"
unset AWS_SESSION_TOKEN AWS_PROFILE
services=()
[ -z "${SERVICES:-}" ] || services=(--services "$SERVICES")
for run in $(seq "$runs"); do
  for scope in one all; do
    selection=()
    [ "$scope" = all ] || selection=(--accounts "$member")
    /usr/bin/time -f "%e %M" -o "$work/time-$scope" \
      "$wasp" scan --quiet --organization --endpoint-url "$endpoint" --regions us-east-1 \
      "${services[@]}" "${selection[@]}" --format json --fail-on none >"$work/org-$scope.json"
  done
  "$python" - "$work" "$run" <<'PY'
import json, sys
work, run = sys.argv[1], sys.argv[2]
rows = {}
for scope in ("one", "all"):
    wall, rss = open(f"{work}/time-{scope}").read().split()
    org = json.load(open(f"{work}/org-{scope}.json"))
    calls = sum(a.get("summary", {}).get("api_calls") or 0 for a in org["accounts"])
    rows[scope] = (float(wall), int(rss) / 1024, org["reviewed"], org["not_reviewed"], calls)
    print(f"run {run}, {scope:>3}: wall {float(wall):6.2f} s, peak RSS {int(rss) / 1024:5.0f} MiB, "
          f"{org['reviewed']} account(s) reviewed, {org['not_reviewed']} not, {calls} API calls")
(_, one, n1, _, _), (_, every, n, _, _) = rows["one"], rows["all"]
if n > n1:
    print(f"run {run}: {every - one:+.0f} MiB for {n - n1} more account(s), "
          f"{(every - one) / (n - n1):.2f} MiB per account")
PY
done
