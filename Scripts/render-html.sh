#!/usr/bin/env bash
# Renders a qbcheck HTML report in headless Chromium: a PNG screenshot to look at, and the DOM
# as the browser built it (for the tests).
# Usage: Scripts/render-html.sh REPORT.html OUT-PREFIX   → OUT-PREFIX.png, OUT-PREFIX.dom.html
# Needs Debian's chromium package (apt-get install chromium).
set -euo pipefail
report=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
out=$2
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
  echo "render-html.sh: chromium is not installed (apt-get install chromium)" >&2
  exit 3
fi
flags=(--headless --no-sandbox --disable-gpu --disable-dev-shm-usage --hide-scrollbars --no-first-run
       --user-data-dir="$(mktemp -d)" --virtual-time-budget=2000)
"$browser" "${flags[@]}" --window-size=1200,2600 --screenshot="$out.png" "file://$report" >/dev/null 2>&1
"$browser" "${flags[@]}" --dump-dom "file://$report" > "$out.dom.html" 2>/dev/null
test -s "$out.png" && test -s "$out.dom.html"
