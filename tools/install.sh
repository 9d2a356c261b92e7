#!/usr/bin/env bash
# Builds koe in release mode and installs it under PREFIX:
#   PREFIX/bin/koe                  the program (Swift runtime linked in statically)
#   PREFIX/share/koe/lexicons/      the built-in lexicons (ja) and domain packs, found by the
#                                   installed program relative to itself
# Usage: tools/install.sh PREFIX      e.g. tools/install.sh "$HOME/.local"  or  sudo tools/install.sh /usr/local
# Needs what building needs (Swift 6, libicu-dev, libsqlite3-dev, pkg-config); the installed
# program needs ICU and SQLite at run time (libicu72, libsqlite3-0 on Debian 12).
# KOE_BUILD_DIR picks the scratch path (default .build-install, apart from development builds).
set -euo pipefail
prefix="${1:-}"
if [ -z "$prefix" ] || [ "$prefix" = "-h" ] || [ "$prefix" = "--help" ]; then
  sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'
  [ -n "$prefix" ] && exit 0 || exit 64
fi
cd "$(dirname "$0")/.."
build="${KOE_BUILD_DIR:-.build-install}"
swift build -c release --product koe --static-swift-stdlib --scratch-path "$build"
bin="$(swift build -c release --static-swift-stdlib --scratch-path "$build" --show-bin-path)/koe"
mkdir -p "$prefix/bin" "$prefix/share/koe"
install -m 0755 "$bin" "$prefix/bin/koe"
# Debug symbols are a third of the binary; strip them when binutils is there.
if command -v strip >/dev/null 2>&1; then strip "$prefix/bin/koe"; fi
# Replace the lexicons as a whole, so files removed upstream do not linger as a layer.
staged="$prefix/share/koe/.lexicons.new"
rm -rf "$staged"
cp -R lexicons "$staged"
rm -rf "$prefix/share/koe/lexicons"
mv "$staged" "$prefix/share/koe/lexicons"
"$prefix/bin/koe" --version
echo "installed: $prefix/bin/koe (lexicons in $prefix/share/koe/lexicons)"
