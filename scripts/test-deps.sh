#!/usr/bin/env bash
# Installs what the test suite needs beyond Rust: a moto server in a private virtualenv.
# Idempotent; prints the path of moto_server on stdout.
set -euo pipefail
MOTO_VERSION=5.2.5
venv="${WASP_VENV:-$HOME/.cache/wasp/venv}"
if [ ! -x "$venv/bin/moto_server" ] || ! "$venv/bin/python" -c "import moto, sys; sys.exit(moto.__version__ != '$MOTO_VERSION')" 2>/dev/null; then
  python3 -m venv "$venv" >&2
  "$venv/bin/pip" install --quiet --disable-pip-version-check "moto[server]==$MOTO_VERSION" >&2
fi
echo "$venv/bin/moto_server"
