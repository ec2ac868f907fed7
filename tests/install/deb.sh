#!/usr/bin/env bash
# The install test: build the .deb, install it with apt-get as a patient would, start the
# installed app in the real window, then remove it and check that only the user's data is left.
# Run by `./dev.sh test` after the other tests; needs root or sudo.
set -euo pipefail
cd "$(dirname "$0")/../.."
target="${CARGO_TARGET_DIR:-$PWD/target}"
root=""
[ "$(id -u)" -eq 0 ] || root="sudo"

# A debug build, so CI reuses what the earlier stages compiled, and the only kind that reads the
# test seams (ALK_COMPANION_SAVE_DIR); the packaging is the same as a release's
# (`npm --prefix ui exec tauri build` makes the release packages, README "Installable packages").
# The app is the one the test command built (cargo finds it built, and puts it back in
# target/debug, where the test build left its own copy); `tauri bundle` packages it as
# `tauri build` would, without building the UI and the app again.
rm -rf "$target/debug/bundle/deb"
CARGO_TARGET_DIR="$target" cargo build --features custom-protocol
CARGO_TARGET_DIR="$target" npm --prefix ui exec -- tauri bundle --debug --bundles deb --ci
deb=$(ls "$target"/debug/bundle/deb/*.deb)
echo "Package: $deb ($(du -h "$deb" | cut -f1))"

$root apt-get install -y --no-install-recommends "$deb" >/dev/null
trap '$root apt-get purge -y alk-companion >/dev/null 2>&1 || true' EXIT
app=$(command -v alk-companion)
resources="/usr/lib/ALK Companion/resources"
desktop="/usr/share/applications/ALK Companion.desktop"
echo "Installed: $app, $resources, $desktop"
grep -q "^Exec=alk-companion" "$desktop"
grep -q "^Icon=alk-companion" "$desktop"
# What is installed is what is in the repository, file for file.
diff -r resources "$resources"

home=$(mktemp -d)
# The journeys' crate is built as the WebDriver stage built it: without the clippy wrapper that
# ./dev.sh gives the build above.
env -u RUSTC_WORKSPACE_WRAPPER -u CLIPPY_ARGS \
  ALK_E2E_APP="$app" ALK_INSTALLED_RESOURCES="$resources" ALK_E2E_HOME="$home" CARGO_TARGET_DIR="$target/e2e" \
  tests/e2e/tools/one_at_a_time.sh xvfb-run -a -s "-screen 0 1920x1080x24" \
  cargo test --manifest-path tests/e2e/Cargo.toml --test window -- --ignored --test-threads=1 installed::

$root apt-get purge -y alk-companion >/dev/null
trap - EXIT
left=""
for path in "$app" "$resources" "$desktop" /usr/share/icons/hicolor/128x128/apps/alk-companion.png; do
  [ -e "$path" ] && left="$left $path"
done
if [ -n "$left" ] || dpkg -s alk-companion >/dev/null 2>&1; then
  echo "Still there after removing the package:$left" >&2
  exit 1
fi
# The patient's own data stays: removing the app must never remove their record.
data="$home/data/uk.alkcompanion.desktop/alk-companion.sqlite3"
[ -s "$data" ] || { echo "The user's data folder was removed with the app: $data" >&2; exit 1; }
echo "Removed cleanly; the user's data is still in $home/data/uk.alkcompanion.desktop"
rm -rf "$home"
