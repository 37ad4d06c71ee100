#!/usr/bin/env bash
# What the gateway costs: the same GET /api/v1/notices/{id}, straight to the notices service (:8081, the reference)
# and through the gateway (:8080), in alternating rounds in one invocation. Prints req/s, p50, p99 and the ratios.
# Needs the stack running: deploy/local/shequ up (in another terminal).
#   deploy/bench/gateway-overhead.sh [concurrency=16] [seconds=10] [rounds=3]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
home="$(cd "$here/../.." && pwd)"
gateway="${SHEQU_GATEWAY_URL:-http://127.0.0.1:8080}"
direct="${SHEQU_NOTICES_URL:-http://127.0.0.1:8081}"

curl -fsS "$gateway/q/health/ready" >/dev/null || { echo "The stack is not ready: run deploy/local/shequ up first" >&2; exit 1; }
token="$("$home/deploy/local/shequ" token district-admin bench)"
location="$(curl -fsS -D - -o /dev/null -X POST "$gateway/api/v1/notices" \
  -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  --data-binary @- <<'JSON' | tr -d '\r' | awk -F': ' 'tolower($1)=="location"{print $2}'
{"kind":"WATER_OUTAGE","title":"停水通知（基准测试）","issuer":"太原供水集团有限公司",
 "reason":"兹因配合太原市新建路给水管线工程，需对供水管线进行改造。",
 "startsAt":"2024-11-26T20:00:00+08:00","endsAt":"2024-11-27T08:00:00+08:00",
 "areas":[{"road":"新建路","side":"路东","from":"北沙河南岸","to":"鑫磊大厦"}],"publish":true}
JSON
)"
path="/api/v1/notices/${location##*/}"
echo "resource: $path"
exec java "$here/GatewayBench.java" "$direct$path" "$gateway$path" "${1:-16}" "${2:-10}" "${3:-3}"
