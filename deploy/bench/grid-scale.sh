#!/usr/bin/env bash
# Do grid workers' lists and new tasks stay fast as the task table grows? Loads 10,000 and then 100,000 tasks
# through the grid-tasks API (spread over 50 grids of 富力城社区; nine in ten of the other grids' tasks then closed, as
# history is) and prints p50/p99 of creating a task (with its duplicate check) and of listing one grid's open tasks
# at both sizes, the 100k/10k ratios, and the EXPLAIN of each query.
# Needs the stack running on an empty database: deploy/local/shequ up --fresh (in another terminal).
#   deploy/bench/grid-scale.sh [small=10000] [large=100000]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
home="$(cd "$here/../.." && pwd)"
grid="${SHEQU_GRID_TASKS_URL:-http://127.0.0.1:8082}"
jdbc="${SHEQU_DB_URL:-jdbc:mysql://127.0.0.1:13306}/shequ_grid_tasks"

curl -fsS "$grid/q/health/ready" >/dev/null || { echo "The stack is not ready: run deploy/local/shequ up --fresh first" >&2; exit 1; }
driver="$(ls "$HOME"/.m2/repository/com/mysql/mysql-connector-j/*/mysql-connector-j-*.jar | grep -v sources | tail -1)"
token="$("$home/deploy/local/shequ" token district-admin bench-loader)"
classes="$(mktemp -d)"; trap 'rm -rf "$classes"' EXIT
javac -d "$classes" "$here/BenchSupport.java" "$here/GridScaleBench.java"
java -cp "$driver:$classes" GridScaleBench "$grid" "$token" "$jdbc" "${1:-10000}" "${2:-100000}"
