#!/usr/bin/env bash
# Do the notices' reads stay fast as the table grows? Loads 10,000 and then 100,000 notices through the notices
# service's API (most already over, a few hundred running or upcoming) and prints p50/p99 of activeAt, affecting, q
# (by road, by a house number the gazetteer places, by position) and the first list page at both sizes, the 100k/10k
# ratios, whether "affecting" keeps p99 within 10 ms at the large size, and the EXPLAIN of each query.
# Needs the stack running on an empty database: deploy/local/shequ up --fresh (in another terminal).
#   deploy/bench/notices-scale.sh [small=10000] [large=100000]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
home="$(cd "$here/../.." && pwd)"
notices="${SHEQU_NOTICES_URL:-http://127.0.0.1:8081}"
jdbc="${SHEQU_DB_URL:-jdbc:mysql://127.0.0.1:13306}/shequ_notices"

curl -fsS "$notices/q/health/ready" >/dev/null || { echo "The stack is not ready: run deploy/local/shequ up --fresh first" >&2; exit 1; }
driver="$(ls "$HOME"/.m2/repository/com/mysql/mysql-connector-j/*/mysql-connector-j-*.jar | grep -v sources | tail -1)"
# A district admin may publish for any community and issuer (docs/ROLES.md); an integration only as its registration.
token="$("$home/deploy/local/shequ" token district-admin bench-loader)"  # also keeps the gazetteer
classes="$(mktemp -d)"; trap 'rm -rf "$classes"' EXIT
javac -d "$classes" "$here/BenchSupport.java" "$here/NoticesScaleBench.java"
java -cp "$driver:$classes" NoticesScaleBench "$notices" "$token" "$jdbc" "${1:-10000}" "${2:-100000}"
