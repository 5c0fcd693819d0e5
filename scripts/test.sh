#!/usr/bin/env bash
# Sets up and runs the whole test suite: installs moto (the AWS-compatible endpoint the
# collector tests run against) into a private virtualenv, checks formatting and lints, builds
# once, checks that the generated docs are fresh, and runs every test. Builds go where cargo
# puts them (./target, shared with `cargo run`, or CARGO_TARGET_DIR when set).
set -euo pipefail
cd "$(dirname "$0")/.."
MOTO_SERVER="$(scripts/test-deps.sh)"
export MOTO_SERVER
cargo fmt --all --check
cargo clippy --workspace --all-targets --locked -- -D warnings
cargo build --workspace --all-targets --locked
cargo xtask docs --check
if cargo nextest --version >/dev/null 2>&1; then
  cargo nextest run --workspace --no-fail-fast --locked
else
  cargo test --workspace --no-fail-fast --locked
fi
