#!/usr/bin/env bash
# Checks the GitHub workflows: actionlint (syntax, expressions, runner labels) and zizmor, offline
# (actions pinned to a commit, no cache where installers are built, no persisted credentials,
# narrow permissions). Any finding fails. Run by ./dev.sh test; give a folder to check another.
set -euo pipefail
cd "$(dirname "$0")/../.."
checkers="${CHECKERS:-target/checkers}"
workflows="${1:-.github/workflows}"

# The same folder as dev.sh's other PyPI checkers, so this also runs on its own.
[ -x "$checkers/bin/python" ] || python3 -m venv "$checkers"
"$checkers/bin/pip" install --quiet --disable-pip-version-check -r tests/workflows/requirements.txt

shopt -s nullglob
files=("$workflows"/*.yml "$workflows"/*.yaml)
[ "${#files[@]}" -gt 0 ] || { echo "No workflow files in $workflows" >&2; exit 1; }
echo "actionlint $("$checkers/bin/actionlint" --version | awk 'NR == 1 {print $2}'): ${files[*]}"
"$checkers/bin/actionlint" "${files[@]}"
"$checkers/bin/zizmor" --offline --no-progress "${files[@]}"
