#!/usr/bin/env python3
"""Runs the workspace's Rust test binaries side by side, where `cargo test` runs them one after
another.

Most of them leave a core idle: one long test each (the record models), or a parent waiting on a
child it kills (the kill -9 harnesses), or a recording made in real time. cargo builds them
(`cargo test --no-run` with the arguments given, so nothing is built twice); then they run
ALK_TEST_JOBS at a time (default: twice the cores, as most of them wait more than they compute), the longest first by the times of the last
run, each as `cargo test` runs it: in its package's folder, with cargo's [env] settings
(.cargo/config.toml) and the package's variables. Each binary's output is printed whole when it
ends. Doc-tests are not run here: `cargo test --doc` runs them.

Usage: cargo_tests.py CARGO_TEST_ARGS...   e.g. cargo_tests.py --workspace --features custom-protocol
"""

import json
import os
import subprocess
import sys
import re
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TIMES = ROOT / "target" / "rust-test-times.json"


def cargo_env():
    """The [env] table of .cargo/config.toml, as cargo sets it for the tests it runs."""
    config = ROOT / ".cargo" / "config.toml"
    text = config.read_text() if config.exists() else ""
    try:
        import tomllib  # Python 3.11 and newer
        table = tomllib.loads(text).get("env", {})
    except ImportError:  # Ubuntu 22.04's Python 3.10: the two forms cargo's [env] takes, one a line
        section = re.search(r"^\[env\]\n(.*?)(?=^\[|\Z)", text, re.S | re.M)
        table = {}
        for name, value in re.findall(r'^(\w+)\s*=\s*(.+)$', section.group(1) if section else "", re.M):
            found = re.search(r'value\s*=\s*"([^"]*)"', value)
            table[name] = {"value": found.group(1), "relative": "relative = true" in value} if found \
                else value.strip().strip('"')
    env = {}
    for name, value in table.items():
        if isinstance(value, dict):
            text = value["value"]
            env[name] = str(ROOT / text) if value.get("relative") else text
        else:
            env[name] = value
    return env


def build(args):
    """Builds the test binaries and returns (name shown, executable, package folder, package name)."""
    command = ["cargo", "test", *args, "--no-run", "--message-format=json-render-diagnostics"]
    out = subprocess.run(command, stdout=subprocess.PIPE, text=True, check=True, cwd=ROOT).stdout
    binaries = []
    for line in out.splitlines():
        message = json.loads(line)
        if message.get("reason") != "compiler-artifact" or not message.get("executable"):
            continue
        if not message["profile"]["test"]:
            continue
        folder = Path(message["manifest_path"]).parent
        source = Path(message["target"]["src_path"]).relative_to(folder)
        kind = "unittests " if message["target"]["kind"] != ["test"] else ""
        # "path+file:///…/core#alk-core@0.1.0", or "…/alk-core#0.1.0" when the folder has its name.
        url, _, spec = message["package_id"].partition("#")
        package = spec.split("@")[0] if "@" in spec else url.rstrip("/").rsplit("/", 1)[-1]
        binaries.append((f"{package}: {kind}{source}", message["executable"], folder, package))
    return binaries


def main():
    binaries = build(sys.argv[1:])
    jobs = int(os.environ.get("ALK_TEST_JOBS", 2 * (os.cpu_count() or 1)))
    last = json.loads(TIMES.read_text()) if TIMES.exists() else {}
    queue = sorted(binaries, key=lambda b: -last.get(b[0], float("inf")))
    print(f"{len(queue)} test binaries, {jobs} at a time", flush=True)
    extra = cargo_env()
    guard = threading.Lock()
    results = {}
    started = time.monotonic()

    def worker():
        while True:
            with guard:
                if not queue:
                    return
                name, executable, folder, package = queue.pop(0)
            env = dict(os.environ, **extra, CARGO_MANIFEST_DIR=str(folder), CARGO_PKG_NAME=package)
            began = time.monotonic()
            run = subprocess.run([executable], cwd=folder, env=env,
                                 stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
            took = time.monotonic() - began
            with guard:
                results[name] = (took, run.returncode)
                print(f"     Running {name} ({executable}), {took:.1f} s", flush=True)
                print(run.stdout, flush=True)

    threads = [threading.Thread(target=worker) for _ in range(max(1, jobs))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    failed = sorted(name for name, (_, code) in results.items() if code != 0)
    total = sum(took for took, _ in results.values())
    print(f"{len(results) - len(failed)} of {len(binaries)} test binaries passed in "
          f"{time.monotonic() - started:.0f} s ({total:.0f} s one after another)")
    for name in failed:
        print(f"FAILED: {name}")
    if not failed and len(results) == len(binaries):
        TIMES.parent.mkdir(parents=True, exist_ok=True)
        TIMES.write_text(json.dumps({name: round(took, 1) for name, (took, _) in results.items()}, indent=1))
    return 1 if failed or len(results) != len(binaries) else 0


if __name__ == "__main__":
    sys.exit(main())
