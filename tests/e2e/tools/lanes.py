#!/usr/bin/env python3
"""Builds the WebDriver journeys (tests/e2e) and runs them in lanes side by side.

Each lane has an X display (Xvfb) and a tauri-driver port of its own, and takes the next journey
as soon as its last one ends, the longest first by the times of the last run. Most of a journey's
time is the app starting, painting and saving while the test waits, so two lanes on two cores
finish well before one. Each journey is its own process, as one `cargo test` run of it would be,
and starts its own app with a folder of its own, so none sees another's data or windows.

Prints each journey's time as it ends, and a table of all of them; exits non-zero, with the
journey's output, if any journey failed.

Usage: lanes.py [LANES]   (default: ALK_E2E_LANES, or the number of cores)
The build runs first; the journeys then wait for tests/e2e/tools/one_at_a_time.sh's lock
(ALK_E2E_LOCK), so another run's window tests on this computer never overlap them.
"""

import fcntl
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent
ROOT = PACKAGE.parent.parent
TARGET = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target" / "e2e"))
TIMES = TARGET / "journey-times.json"


def build():
    """Builds the journeys' test binary, as `cargo test --no-run` does, and returns its path."""
    command = ["cargo", "test", "--manifest-path", str(PACKAGE / "Cargo.toml"), "--no-run",
               "--message-format=json-render-diagnostics"]
    out = subprocess.run(command, env=dict(os.environ, CARGO_TARGET_DIR=str(TARGET)),
                         stdout=subprocess.PIPE, text=True, check=True).stdout
    for line in out.splitlines():
        message = json.loads(line)
        if message.get("reason") == "compiler-artifact" and message.get("executable") \
                and message["target"]["name"] == "window":
            return message["executable"]
    sys.exit("cargo built no test binary named window")


def listed(binary, *args):
    out = subprocess.run([binary, "--list", "--format", "terse", *args], cwd=PACKAGE,
                         stdout=subprocess.PIPE, text=True, check=True).stdout
    return [line[: -len(": test")] for line in out.splitlines() if line.endswith(": test")]


def start_display():
    """An Xvfb of the lane's own, on the first free display, as xvfb-run -a gives."""
    read, write = os.pipe()
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1920x1080x24", "-nolisten", "tcp"],
        pass_fds=[write], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write)
    number = b""
    while not number.endswith(b"\n"):
        byte = os.read(read, 1)
        if not byte:
            sys.exit("Xvfb did not start (is the xvfb package installed?)")
        number += byte
    os.close(read)
    return f":{number.decode().strip()}", xvfb


def wait_for_the_window_lock():
    """Holds the lock that one_at_a_time.sh takes, until this process ends."""
    path = os.environ.get("ALK_E2E_LOCK", os.path.join(tempfile.gettempdir(), "alk-companion-e2e.lock"))
    lock = open(path, "a")
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        print(f"Waiting for another run's window tests to end ({path})", flush=True)
        asked = time.monotonic()
        fcntl.flock(lock, fcntl.LOCK_EX)
        print(f"Waited {time.monotonic() - asked:.0f} s for the window", flush=True)
    return lock


def main():
    lanes = int(sys.argv[1] if len(sys.argv) > 1 else os.environ.get("ALK_E2E_LANES", os.cpu_count() or 1))
    binary = build()
    ignored = set(listed(binary, "--ignored"))
    journeys = [name for name in listed(binary) if name not in ignored]
    last = json.loads(TIMES.read_text()) if TIMES.exists() else {}
    # Longest first, so no lane is left with a long one at the end; one never timed goes first.
    queue = sorted(journeys, key=lambda name: -last.get(name, float("inf")))
    lock = wait_for_the_window_lock()
    print(f"{len(queue)} journeys in {lanes} lanes ({len(ignored)} ignored)", flush=True)

    guard = threading.Lock()
    results = {}
    started = time.monotonic()

    def lane(number):
        display, xvfb = start_display()
        # 4444, the port of a run by hand, stays free.
        port = 4454 + 10 * number
        env = dict(os.environ, DISPLAY=display, ALK_E2E_PORT=str(port))
        try:
            while True:
                with guard:
                    if not queue:
                        return
                    name = queue.pop(0)
                began = time.monotonic()
                run = subprocess.run([binary, "--exact", name, "--test-threads=1"], cwd=PACKAGE, env=env,
                                     stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
                took = time.monotonic() - began
                with guard:
                    results[name] = (took, run.returncode, run.stdout)
                    verdict = "ok" if run.returncode == 0 else "FAILED"
                    print(f"{verdict:6} {took:6.1f} s  lane {number + 1}  {name}", flush=True)
        finally:
            xvfb.terminate()
            xvfb.wait()

    threads = [threading.Thread(target=lane, args=(n,)) for n in range(max(1, min(lanes, len(queue))))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    lock.close()

    failed = [name for name, (_, code, _) in results.items() if code != 0]
    for name in failed:
        print(f"\n---- {name} ----\n{results[name][2]}")
    missing = [name for name in journeys if name not in results]
    total = sum(took for took, _, _ in results.values())
    print(f"\n{len(results) - len(failed)} of {len(journeys)} journeys passed in {time.monotonic() - started:.0f} s "
          f"({total:.0f} s one after another):")
    for name, (took, code, _) in sorted(results.items(), key=lambda item: -item[1][0]):
        print(f"  {took:6.1f} s  {name}{'' if code == 0 else '  FAILED'}")
    if not failed and not missing:
        TIMES.write_text(json.dumps({name: round(took, 1) for name, (took, _, _) in results.items()}, indent=1))
    return 1 if failed or missing else 0


if __name__ == "__main__":
    sys.exit(main())
