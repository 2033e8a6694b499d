#!/usr/bin/env bash
# qbcheck's benchmark (see Scripts/benchmark.py): realistic, deterministic workloads, the
# reference readers (Foundation's JSONSerialization; simdjson when libsimdjson-dev is installed)
# measured in the same run, and every performance target printed as met or not met.
#   Usage: Scripts/benchmark.sh [MB] [--runs N] [--preflight N] [--full-size MB]
set -euo pipefail
cd "$(dirname "$0")/.."
exec python3 Scripts/benchmark.py "$@"
