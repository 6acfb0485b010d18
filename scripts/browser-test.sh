#!/usr/bin/env bash
# Browser test: headless Chromium against `helpcenter serve` on a loopback port.
# Asserts the seed article renders, every table-of-contents link has its target, and search
# for "disconnect" finds the Zoom article, "revoke" links to its section, and a verified site's
# search index holds no verification mark. Screenshots go to .build/browser/ for review.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
binary="${1:-$root/.build/debug/helpcenter}"
binary="$(cd "$(dirname "$binary")" && pwd)/$(basename "$binary")"
shots="$root/.build/browser"
mkdir -p "$shots"
site="$(mktemp -d)"
log="$site/serve.log"
trap 'kill "$server" 2>/dev/null || true; rm -rf "$site"' EXIT
cp -r "$root/Content" "$root/Templates" "$root/site.yml" "$site/"
(cd "$site" && exec "$binary" serve --port 0 --no-reload >"$log" 2>&1) &
server=$!
for _ in $(seq 1 100); do grep -q "serving" "$log" 2>/dev/null && break; sleep 0.1; done
base="$(sed -n 's|^serving Public at \(http://127.0.0.1:[0-9]*\)/.*|\1|p' "$log")"
[ -n "$base" ] || { echo "serve did not start:"; cat "$log"; exit 1; }

chrome() { timeout 90 chromium --headless --no-sandbox --disable-gpu --hide-scrollbars "$@" 2>/dev/null; }
passed=0; failed=0
check() { if eval "$2"; then passed=$((passed + 1)); echo "ok: $1"; else failed=$((failed + 1)); echo "FAILED: $1"; fi; }

article="$base/integrations/using-zoom/"
dom="$(chrome --virtual-time-budget=3000 --dump-dom "$article")"
check "the article renders its title" 'grep -q "<h1>How does using Zoom with valhallgames.net work?</h1>" <<<"$dom"'
check "the callout and both procedures render" 'grep -q "callout-quick-overview" <<<"$dom" && [ "$(grep -c "<ol>" <<<"$dom")" -ge 2 ]'
toc="$(sed -n '/<nav class="toc"/,/<\/nav>/p' <<<"$dom" | grep -o 'href="#[^"]*"' | sed 's/href="#\(.*\)"/\1/')"
check "the table of contents has links" '[ -n "$toc" ]'
for id in $toc; do check "TOC link #$id has its heading" 'grep -q "id=\"$id\"" <<<"$dom"'; done
# serve indexes search after the first build, on another thread: wait for the index.
for _ in $(seq 1 300); do [ -e "$site/Public/pagefind/pagefind.js" ] && break; sleep 0.1; done
search="$(chrome --virtual-time-budget=10000 --dump-dom "$base/search/?q=disconnect")"
check "search for 'disconnect' finds the Zoom article" 'grep -q "<a href=\"/integrations/using-zoom/\">How does using Zoom with valhallgames.net work?</a>" <<<"$search"'
revoke="$(chrome --virtual-time-budget=10000 --dump-dom "$base/search/?q=revoke")"
check "search for 'revoke' links to the matching section, #disconnecting-zoom" 'grep -q "href=\"/integrations/using-zoom/#disconnecting-zoom\"" <<<"$revoke"'
# A site built with verify's results: the verification marks never reach the search index.
verify_binary="$(dirname "$binary")/verify"
if [ -x "$verify_binary" ]; then
  (cd "$site" && cp "$root/verify.lock" . && "$verify_binary" --report report.json >/dev/null \
    && "$binary" build --verification report.json --output Verified >/dev/null 2>&1)
  marks="$(python3 -c 'import glob, gzip, sys
print(sum(gzip.decompress(open(f, "rb").read()).decode("utf-8", "replace").count("\u2713")
          for f in glob.glob(sys.argv[1] + "/fragment/*.pf_fragment")))' "$site/Verified/pagefind")"
  check "the verified site's search excerpts hold no verification mark" '[ "$marks" = 0 ] && [ -n "$(ls "$site/Verified/pagefind/fragment")" ]'
fi

chrome --window-size=1280,1800 --screenshot="$shots/article-desktop.png" "$article" >/dev/null
chrome --window-size=390,1800 --screenshot="$shots/article-phone.png" "$article" >/dev/null
chrome --window-size=390,1800 --force-dark-mode --blink-settings=preferredColorScheme=0 --screenshot="$shots/article-phone-dark.png" "$article" >/dev/null
chrome --window-size=1000,700 --virtual-time-budget=10000 --screenshot="$shots/search.png" "$base/search/?q=disconnect" >/dev/null
check "screenshots saved under .build/browser" '[ -s "$shots/article-desktop.png" ] && [ -s "$shots/search.png" ]'

echo "browser: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
