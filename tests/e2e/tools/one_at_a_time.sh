#!/usr/bin/env bash
# Runs a command once no other window test on this computer is running: the window tests listen on
# port 4444 and end the app by its name, so two runs at once would upset each other. They take turns
# through a lock file (ALK_E2E_LOCK names another one). Usage: one_at_a_time.sh COMMAND [ARGS...]
set -euo pipefail
if ! command -v flock >/dev/null 2>&1; then
  exec "$@"
fi
lock="${ALK_E2E_LOCK:-${TMPDIR:-/tmp}/alk-companion-e2e.lock}"
exec 9>>"$lock"
if ! flock -n 9; then
  asked=$SECONDS
  echo "Waiting for another run's window tests to end ($lock)"
  flock 9
  echo "Waited $((SECONDS - asked)) s for the window"
fi
# Without the lock's descriptor: a process the command leaves behind (an Xvfb) would hold the
# lock after this script has ended, and every later run would wait for ever.
"$@" 9>&-
