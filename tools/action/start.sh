#!/usr/bin/env bash
# The GitHub Action's step (action.yml), a plain script so that a test runs it exactly as the
# runner does: finds the single-file server, starts it in the background with the given flags,
# waits until /__mock/health answers, and writes url, port and pid to $GITHUB_OUTPUT.
#
# Environment (action.yml maps its inputs onto these):
#   IAMPORT_MOCK_BIN      a single-file server already on disk (iamport-mock.mjs); when empty, the
#                         one attached to the release IAMPORT_MOCK_VERSION (default: the action's
#                         ref) is downloaded, and failing that it is bundled from the action's source
#   IAMPORT_MOCK_PORT     port (default 4010; 0 = any free port, read it from the outputs)
#   IAMPORT_MOCK_ARGS     more flags, split on spaces (e.g. "--seed ci --config iamport.json")
#   IAMPORT_MOCK_TIMEOUT  seconds to wait for health (default 30)
set -euo pipefail

port="${IAMPORT_MOCK_PORT:-4010}"
timeout="${IAMPORT_MOCK_TIMEOUT:-30}"
work="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/iamport-mock"
mkdir -p "$work"
log="$work/iamport-mock.log"
output="${GITHUB_OUTPUT:-/dev/stdout}"
action_dir="$(cd "$(dirname "$0")/../.." && pwd)"

bin="${IAMPORT_MOCK_BIN:-}"
if [ -z "$bin" ]; then
  version="${IAMPORT_MOCK_VERSION:-${IAMPORT_MOCK_ACTION_REF:-}}"
  repo="${IAMPORT_MOCK_ACTION_REPOSITORY:-}"
  bin="$work/iamport-mock.mjs"
  if [ -n "$version" ] && [ -n "$repo" ] &&
    curl -fsSL --retry 3 -o "$bin" "https://github.com/$repo/releases/download/$version/iamport-mock.mjs"; then
    echo "iamport-mock: using the single-file server of release $version"
  else
    echo "iamport-mock: no release asset for '${version:-?}'; bundling the server from the action's source"
    (cd "$action_dir" && npm ci --no-audit --no-fund --silent && node tools/bundle-bin.mjs)
    cp "$action_dir/dist/bin/iamport-mock.mjs" "$bin"
  fi
fi
[ -f "$bin" ] || { echo "iamport-mock: $bin not found" >&2; exit 1; }

read -r -a extra <<< "${IAMPORT_MOCK_ARGS:-}"
# Detached from this step's output pipes, so the step ends while the server keeps running; the
# runner stops leftover processes when the job ends.
nohup node "$bin" --port "$port" "${extra[@]}" < /dev/null > "$log" 2>&1 &
pid=$!

url=""
deadline=$((SECONDS + timeout))
while [ "$SECONDS" -lt "$deadline" ]; do
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "iamport-mock: exited before it was ready:" >&2
    cat "$log" >&2
    exit 1
  fi
  if [ -z "$url" ]; then
    url="$(sed -n 's/^iamport-mock ready on \(http:\/\/[^ ]*\).*/\1/p' "$log" | head -n 1)"
  fi
  if [ -n "$url" ] && curl -fsS -o /dev/null "$url/__mock/health" 2>/dev/null; then
    echo "url=$url" >> "$output"
    echo "port=${url##*:}" >> "$output"
    echo "pid=$pid" >> "$output"
    echo "iamport-mock: healthy at $url (pid $pid; log $log)"
    exit 0
  fi
  sleep 0.2
done
echo "iamport-mock: not healthy within ${timeout}s:" >&2
cat "$log" >&2
kill "$pid" 2>/dev/null || true
exit 1
