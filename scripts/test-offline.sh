#!/usr/bin/env bash
# The offline proof: serve the built dist/ inside a network namespace that has
# only a loopback interface, and run the site's browser tests against it there. No request can
# leave the machine — a page that needed the network would fail its tests.
# Where a namespace cannot be made (not root, no unshare), say so plainly and skip.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${1:-}" != "--inside" ]; then
  if ! command -v unshare >/dev/null 2>&1 || ! unshare -n true 2>/dev/null; then
    echo "SKIPPED offline test: this machine cannot create a network namespace (needs root and unshare)."
    echo "The online browser tests still block and report every request that leaves the origin."
    exit 0
  fi
  [ -f dist/index.html ] || npm run build
  exec unshare -n bash "$0" --inside
fi

ip link set lo up
port=4399
node scripts/serve.mjs --port "$port" >/tmp/iam-dojo-offline-server.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do
  curl -fsS "http://127.0.0.1:$port/" >/dev/null 2>&1 && break
  sleep 0.1
done
if curl -fsS --max-time 2 https://registry.npmjs.org/ >/dev/null 2>&1; then
  echo "the namespace unexpectedly reaches the network"; exit 1
fi
echo "== offline: serving dist/ at http://127.0.0.1:$port inside a loopback-only network namespace"
E2E_BASE_URL="http://127.0.0.1:$port" E2E_REPORT=offline npx playwright test ${OFFLINE_SPECS:-tests/e2e/site.spec.ts}
