#!/usr/bin/env bash
# Screenshot an HTML report with headless Chromium (Debian package `chromium`), so a person —
# or a review session — can look at what the report shows.
#
# usage: tools/screenshot-report.sh REPORT.html [OUT.png] [WIDTHxHEIGHT]
#   OUT.png       default: REPORT.png next to the HTML file
#   WIDTHxHEIGHT  default: 1200x3000 (use e.g. 390x6000 for a phone)
# Prints the PNG path on stdout. Installs chromium and fonts-noto-cjk with apt-get if missing
# (needs root); without the CJK fonts Japanese text renders as tofu boxes.
set -euo pipefail

if [[ $# -lt 1 || "$1" == "-h" || "$1" == "--help" ]]; then
    sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 64
fi

html=$1
[[ -f "$html" ]] || { echo "screenshot-report: no such file: $html" >&2; exit 66; }
abs_html=$(cd "$(dirname "$html")" && pwd)/$(basename "$html")
out=${2:-${abs_html%.*}.png}
size=${3:-1200x3000}
[[ "$size" =~ ^[0-9]+x[0-9]+$ ]] || { echo "screenshot-report: size must be WIDTHxHEIGHT, got '$size'" >&2; exit 64; }
mkdir -p "$(dirname "$out")"
abs_out=$(cd "$(dirname "$out")" && pwd)/$(basename "$out")

find_browser() {
    local candidate
    for candidate in chromium chromium-headless-shell; do
        if command -v "$candidate" >/dev/null 2>&1; then
            command -v "$candidate"
            return 0
        fi
    done
    return 1
}

has_cjk_fonts() {
    # Not `grep -q`: with pipefail, fc-list's SIGPIPE would read as "no fonts".
    fc-list : family 2>/dev/null | grep -i "Noto Sans CJK" >/dev/null
}

browser=$(find_browser || true)
if [[ -z "$browser" ]] || ! has_cjk_fonts; then
    echo "screenshot-report: installing chromium and fonts-noto-cjk…" >&2
    apt-get update >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y chromium fonts-noto-cjk >&2
    browser=$(find_browser) || { echo "screenshot-report: chromium not found after install" >&2; exit 1; }
fi

# A throwaway profile keeps runs independent; the report itself needs no network. Chromium is
# chatty on stderr even when it succeeds, so its log is shown only on failure.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rm -f "$abs_out"
if ! "$browser" --headless --disable-gpu --no-sandbox --hide-scrollbars \
    --user-data-dir="$work/profile" --no-first-run --no-default-browser-check \
    --window-size="${size/x/,}" --screenshot="$abs_out" "file://$abs_html" >"$work/log" 2>&1 \
    || [[ ! -s "$abs_out" ]]; then
    cat "$work/log" >&2
    echo "screenshot-report: chromium wrote no screenshot" >&2
    exit 1
fi
echo "$abs_out"
