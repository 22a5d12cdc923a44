#!/usr/bin/env bash
# Starts the gateway with no DATABASE_URL (embedded PostgreSQL), waits for /readyz, stops it with
# SIGTERM and checks that it and its PostgreSQL are gone. Used by CI; runnable by hand.
set -euo pipefail
cd "$(dirname "$0")/.."

work="$(mktemp -d)"
port="$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
log="$work/gateway.log"
env -u DATABASE_URL AUDIT_GATEWAY_DATA_DIR="$work/data" PORT="$port" LOG_LEVEL=info \
  node bin/audit-gateway serve >"$log" 2>&1 &
pid=$!

ready=""
for _ in $(seq 1 120); do
  if ! kill -0 "$pid" 2>/dev/null; then break; fi
  if [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/readyz")" = "200" ]; then ready=1; break; fi
  sleep 1
done
if [ -z "$ready" ]; then
  echo "smoke: the gateway did not become ready; its log:" >&2
  cat "$log" >&2
  kill "$pid" 2>/dev/null || true
  exit 1
fi
echo "smoke: /readyz = 200 on the embedded PostgreSQL"
curl -s "http://127.0.0.1:$port/healthz"; echo

kill -TERM "$pid"
status=0
wait "$pid" || status=$?
if [ "$status" -ne 0 ]; then
  echo "smoke: the gateway exited with $status after SIGTERM; its log:" >&2
  cat "$log" >&2
  exit 1
fi
if pgrep -f -- "-D $work/data" >/dev/null; then
  echo "smoke: the embedded PostgreSQL is still running after shutdown" >&2
  exit 1
fi
echo "smoke: stopped cleanly"
rm -rf "$work"
