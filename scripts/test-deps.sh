#!/usr/bin/env bash
# Installs what the test suite needs beyond Rust: a moto server in a private virtualenv, and
# Debian's Chromium for the HTML report's browser test.
# Idempotent; prints the path of moto_server on stdout and nothing else there.
set -euo pipefail
MOTO_VERSION=5.2.5
venv="${WASP_VENV:-$HOME/.cache/wasp/venv}"
if [ ! -x "$venv/bin/moto_server" ] || ! "$venv/bin/python" -c "import moto, sys; sys.exit(moto.__version__ != '$MOTO_VERSION')" 2>/dev/null; then
  python3 -m venv "$venv" >&2
  "$venv/bin/pip" install --quiet --disable-pip-version-check "moto[server]==$MOTO_VERSION" >&2
fi
if [ ! -x /usr/bin/chromium ]; then
  as_root=()
  [ "$(id -u)" -eq 0 ] || as_root=(sudo)
  "${as_root[@]}" apt-get update -q >&2
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver >&2
fi
echo "$venv/bin/moto_server"
