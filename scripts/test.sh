#!/usr/bin/env bash
# Sets up and runs the whole test suite: installs moto (the AWS-compatible endpoint the
# collector tests run against) into a private virtualenv, builds once, runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/wasp/target}"
MOTO_SERVER="$(scripts/test-deps.sh)"
export MOTO_SERVER
cargo build --workspace --all-targets --locked
cargo xtask docs --check
if cargo nextest --version >/dev/null 2>&1; then
  cargo nextest run --workspace --no-fail-fast --locked
else
  cargo test --workspace --no-fail-fast --locked
fi
