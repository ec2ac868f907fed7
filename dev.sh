#!/usr/bin/env bash
# ALK Companion's one entry point for developers.
#
#   ./dev.sh run    installs what is missing, builds the app and opens its window
#   ./dev.sh test   installs what is missing, then runs every test (CI runs this)
#   ./dev.sh readability   prints the reading-ease figures of every information page
#   ./dev.sh bench  prints benchmark figures: the pack against Typst, and 10,000 notes
#   ./dev.sh sample-packs  writes sample packs to target/packs and their pages as PNG
#   ./dev.sh review-sheet  writes the clinician's review sheet to target/review-sheet (HTML and PDF)
#   ./dev.sh crash-test    kills the store 1,000 times with SIGKILL and checks nothing acknowledged is lost
#   ./dev.sh fuzz   feeds random input to the backup reader, the content loader and every command
#
# On Debian or Ubuntu it installs the system packages it needs with apt (as root, or with sudo).
set -euo pipefail
cd "$(dirname "$0")"

APT_PACKAGES=(
  # To build the Tauri app
  libwebkit2gtk-4.1-dev build-essential libssl-dev libayatana-appindicator3-dev librsvg2-dev libxdo-dev file pkg-config
  # To test it and look at it: a virtual screen, WebKit's WebDriver, PDF tools
  xvfb xauth webkit2gtk-driver poppler-utils qpdf imagemagick
  # For "Open to print" in the tests: gio opens the PDF through a stand-in viewer
  libglib2.0-bin shared-mime-info
  # To prove no network connection (strace) and one copy at a time (a D-Bus session)
  strace dbus-daemon
  # To close the real window as a window manager does (WM_DELETE_WINDOW) in the closing journey
  python3-xlib
  # For the checkers installed from PyPI into their own folder (page-validation checks the pack against PDF/UA-1)
  python3-venv
  # To record appointments: ALSA headers for cpal, and a PulseAudio server with a test tone for its tests
  libasound2-dev pulseaudio
)

say() { printf '\n==> %s\n' "$*"; }

# Each stage's time, printed as it ends and again as a table at the end (CI's limit is 90 minutes).
STAGE_TIMES=()
STAGE_NOW=""
stage() {
  local name="$1"
  shift
  say "$name"
  STAGE_NOW="$name" STAGE_STARTED=$SECONDS
  "$@"
  STAGE_NOW=""
  stage_took "$name"
}
stage_took() {
  local took=$((SECONDS - STAGE_STARTED))
  STAGE_TIMES+=("$(printf '%4dm %02ds  %s' $((took / 60)) $((took % 60)) "$1")")
  printf '==> %s took %dm %02ds\n' "$1" $((took / 60)) $((took % 60))
}
print_stage_times() {
  # A stage that failed is in the table too, marked, so the table ends where the run did.
  [ -z "$STAGE_NOW" ] || stage_took "$STAGE_NOW  FAILED"
  say "Stage times (total $((SECONDS / 60))m $((SECONDS % 60))s)"
  printf '%s\n' "${STAGE_TIMES[@]}"
}

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

install_system_packages() {
  if ! command -v apt-get >/dev/null 2>&1; then
    say "Not a Debian or Ubuntu system: install the packages named in README.md yourself."
    return
  fi
  local missing=()
  for package in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  if ! command -v node >/dev/null 2>&1; then missing+=(nodejs npm); fi
  if [ "${#missing[@]}" -gt 0 ]; then
    say "Installing system packages: ${missing[*]}"
    as_root apt-get update
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
  fi
}

check_rust() {
  if ! command -v cargo >/dev/null 2>&1; then
    echo "Rust is not installed. Install it from rustup (see README.md), open a new terminal, and run this again." >&2
    exit 1
  fi
}

install_ui_packages() {
  if [ ! -d ui/node_modules ] || [ ui/package-lock.json -nt ui/node_modules/.package-lock.json ]; then
    say "Installing the UI's npm packages"
    npm --prefix ui ci --no-audit --no-fund
  fi
}

install_tauri_driver() {
  export PATH="$HOME/.cargo/bin:$PATH"
  if ! command -v tauri-driver >/dev/null 2>&1; then
    say "Installing tauri-driver (drives the real window in tests)"
    cargo install tauri-driver --locked
  fi
}

# Checkers from PyPI, in a folder of their own under target/: page-validation reads the pack as
# PDF/UA-1 (it is a Rust library with no command of its own on PyPI, so tests/pdfua/check.py calls it);
# actionlint and zizmor check the GitHub workflow (tests/workflows/check.sh).
CHECKERS=target/checkers
CHECKER_PINS="page-validation==0.11.0 $(grep -v '^#' tests/workflows/requirements.txt | tr '\n' ' ')"
install_checkers() {
  # pip takes seconds even to find all of them installed: a note of the pins installed skips it.
  if [ -x "$CHECKERS/bin/python" ] && [ "$(cat "$CHECKERS/pins" 2>/dev/null)" = "$CHECKER_PINS" ]; then
    return
  fi
  if [ ! -x "$CHECKERS/bin/python" ]; then
    python3 -m venv "$CHECKERS"
  fi
  # shellcheck disable=SC2086 # one argument per pin
  "$CHECKERS/bin/pip" install --quiet --disable-pip-version-check $CHECKER_PINS
  echo "$CHECKER_PINS" > "$CHECKERS/pins"
}

# The test binaries side by side (tests/cargo_tests.py says why), then the doc-tests.
rust_tests() {
  python3 tests/cargo_tests.py --workspace --features custom-protocol
  cargo test --workspace --features custom-protocol --doc
}

# Writes the sample packs (every part on, patient text in several scripts) and checks each against
# PDF/UA-1; any failed rule fails the test command.
check_packs() {
  cargo test --workspace --features custom-protocol --lib --quiet write_sample_packs -- --ignored >/dev/null
  "$CHECKERS/bin/python" tests/pdfua/check.py target/packs/*.pdf
}

build_app() {
  say "Building the UI"
  npm --prefix ui run build
  say "Building the app"
  cargo build --features custom-protocol
}

case "${1:-}" in
  run)
    install_system_packages
    check_rust
    install_ui_packages
    build_app
    say "Opening ALK Companion"
    exec target/debug/alk-companion
    ;;
  test)
    E2E_BUILD=""
    trap '[ -z "$E2E_BUILD" ] || kill "$E2E_BUILD" 2>/dev/null; print_stage_times' EXIT
    stage "Set-up: system packages" install_system_packages
    check_rust
    command -v clippy-driver >/dev/null 2>&1 || rustup component add clippy
    stage "Set-up: the UI's npm packages" install_ui_packages
    stage "Set-up: tauri-driver" install_tauri_driver
    stage "Set-up: checkers from PyPI" install_checkers
    stage "Formatting (cargo fmt)" cargo fmt --all --check
    stage "The workflow: actionlint and zizmor" bash tests/workflows/check.sh
    stage "TypeScript and Svelte check (svelte-check)" npm --prefix ui run check
    stage "UI build (vite)" npm --prefix ui run build
    # The WebDriver journeys' crates (their own workspace and target folder) build in the
    # background, niced, while the app and its tests build: those builds end on long chains that
    # keep one core busy (the PDF crates, the store, the app), and this uses the other.
    mkdir -p target
    nice -n 10 env CARGO_TARGET_DIR="$PWD/target/e2e" cargo test --manifest-path tests/e2e/Cargo.toml \
      --no-run --quiet >target/e2e-build.log 2>&1 &
    E2E_BUILD=$!
    # Clippy lints our own crates while they are built, as `cargo clippy` does inside: one pass
    # over the dependencies instead of a build and a separate check of all 390 of them.
    export RUSTC_WORKSPACE_WRAPPER
    RUSTC_WORKSPACE_WRAPPER="$(command -v clippy-driver)"
    export CLIPPY_ARGS="-D__CLIPPY_HACKERY__warnings__CLIPPY_HACKERY__"
    stage "App build, with clippy -D warnings" cargo build --features custom-protocol
    rm -f ui/src/lib/bindings/*.ts
    stage "Rust test build, with clippy" cargo test --workspace --features custom-protocol --no-run
    stage "Rust unit, IPC, model, kill -9 and fuzz tests (they also write ui/src/lib/bindings afresh)" rust_tests
    stage "The pack as PDF/UA-1: every part, several scripts, A4 and Letter, normal and large (page-validation)" \
      check_packs
    # The install test builds the app again through tauri's CLI: with the same wrapper, cargo finds
    # our crates already built (the wrapper is part of what it compares) instead of building them anew.
    CLIPPY_ENV=("RUSTC_WORKSPACE_WRAPPER=$RUSTC_WORKSPACE_WRAPPER" "CLIPPY_ARGS=$CLIPPY_ARGS")
    unset RUSTC_WORKSPACE_WRAPPER CLIPPY_ARGS
    if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
      say "Checking the generated TypeScript types are up to date"
      if ! git diff --exit-code -- ui/src/lib/bindings || [ -n "$(git ls-files --others --exclude-standard ui/src/lib/bindings)" ]; then
        echo "ui/src/lib/bindings is stale: run ./dev.sh test and commit the changes." >&2
        exit 1
      fi
    fi
    stage "UI unit tests (vitest)" npm --prefix ui test
    wait "$E2E_BUILD" || { cat target/e2e-build.log; exit 1; }
    E2E_BUILD=""
    # Side by side, in lanes with an X display and a port each (ALK_E2E_LANES, one per core).
    stage "The real window, through WebDriver under Xvfb" env CARGO_TARGET_DIR="$PWD/target/e2e" \
      python3 tests/e2e/tools/lanes.py
    stage "Install test: the .deb installs, starts in the real window and is removed cleanly" \
      env "${CLIPPY_ENV[@]}" bash tests/install/deb.sh
    say "All tests passed"
    ;;
  bench)
    check_rust
    say "Our pack (release build, median of 20 runs)"
    ours=$(cargo run --release --quiet -p alk-core --example pack_bench)
    echo "$ours"
    say "The same pack with Typst (PyPI typst, warm, median of 20 runs)"
    if [ ! -x target/bench-venv/bin/python ]; then
      python3 -m venv target/bench-venv
      target/bench-venv/bin/pip install --quiet typst
    fi
    theirs=$(target/bench-venv/bin/python tests/bench/pack_typst.py)
    echo "$theirs"
    python3 tests/bench/ratio.py "$ours" "$theirs"
    say "What the Rust side does before the window can show anything (median of 15 runs)"
    cargo run --release --quiet -p alk-core --example startup_parts
    say "10,000 notes in the store"
    cargo run --release --quiet -p alk-core --example record_bench
    say "A long illness: 10,000 notes, 500 appointments, 2,000 diary entries, 300 treatments"
    cargo run --release --quiet -p alk-core --example long_illness -- target/bench/long-home
    say "The diary chart in My record: 2,000 entries, median and p95 of 20 draws (jsdom)"
    install_ui_packages
    (cd ui && npm exec -- vitest bench --run src/views/record/DiaryChart.bench.ts)
    say "Release packages of the app and of a bare Tauri 2 app (same profile)"
    install_ui_packages
    npm --prefix ui exec -- tauri build --bundles deb,rpm --ci --features bench >/dev/null
    (cd tests/bench/bare && CARGO_TARGET_DIR="$PWD/../../../target" ../../../ui/node_modules/.bin/tauri build --bundles deb,rpm --ci >/dev/null)
    python3 tests/bench/sizes.py
    say "Start-up and memory, 5 runs each, alternating (first screen painted, PSS 3 s later)"
    xvfb-run -a -s "-screen 0 1920x1080x24" python3 tests/bench/startup.py 5 \
      "bare=target/release/bare-tauri|bare: first screen shown" \
      "app=target/release/alk-companion|alk-companion: first screen shown" \
      "app-long-illness=target/release/alk-companion|alk-companion: first screen shown|target/bench/long-home"
    ;;
  sample-packs)
    check_rust
    cargo test -p alk-core --quiet write_sample_packs -- --ignored --nocapture
    for pdf in target/packs/*.pdf; do pdftoppm -r 70 -png "$pdf" "${pdf%.pdf}"; done
    ls target/packs
    ;;
  crash-test)
    check_rust
    ALK_KILLS="${ALK_KILLS:-1000}" cargo test -p alk-core --release --test kill_harness -- --nocapture
    ;;
  fuzz)
    check_rust
    ALK_FUZZ_SECONDS="${ALK_FUZZ_SECONDS:-60}" cargo test -p alk-core --release --test fuzz -- --nocapture --test-threads=1
    ALK_FUZZ_COMMAND_CASES="${ALK_FUZZ_COMMAND_CASES:-5000}" cargo test --features custom-protocol --test commands -- --nocapture fuzzed
    ;;
  review-sheet)
    check_rust
    out=target/review-sheet
    cargo run -p alk-core --quiet --example review_sheet -- \
      resources/content src-tauri/core/src/content/testdata/alk-treatment.txt "$out/review-sheet.html"
    # Headless Chromium prints the PDF; only this command needs it, so the test command never installs it.
    if ! command -v chromium >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
      say "Installing chromium to print the sheet as a PDF"
      as_root apt-get update && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium || true
    fi
    if command -v chromium >/dev/null 2>&1; then
      chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
        --print-to-pdf="$PWD/$out/review-sheet.pdf" "file://$PWD/$out/review-sheet.html" 2>/dev/null
      echo "$out/review-sheet.pdf"
    else
      say "chromium could not be installed: print $out/review-sheet.html to PDF from any browser"
    fi
    ;;
  readability)
    cargo test -p alk-core --quiet readability_figures -- --nocapture --ignored
    ;;
  *)
    # The comment at the top, without its '#'s: it ends at the first line that is not one.
    awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "$0"
    exit 2
    ;;
esac
