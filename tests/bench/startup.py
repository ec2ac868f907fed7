#!/usr/bin/env python3
"""Start-up and memory: the app against a bare Tauri 2 app, under Xvfb.

Each run spawns a binary with its own XDG folders and times it until it prints the line that
says its first screen has its content painted; 3 s later it sums the PSS of the process and
all its children (the WebKit processes). Runs alternate between the apps; medians are printed
with the range and the ratio. Benchmark, not a test: it never fails on a figure.

An app whose ready line goes on with "; steps a=12 b=40 ..." (the app's `bench` build does: ms
after its `run` began) has the median of each step printed too, to show where the time goes.

usage: startup.py RUNS "NAME=BINARY|READY_TEXT[|DATA_DIR]" ...
"""
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time


def children(pid):
    found = []
    try:
        out = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout
    except FileNotFoundError:
        return found
    for line in out.split():
        found.append(int(line))
        found.extend(children(int(line)))
    return found


def pss_kib(pid):
    total = 0
    for p in [pid] + children(pid):
        try:
            with open(f"/proc/{p}/smaps_rollup") as f:
                for line in f:
                    if line.startswith("Pss:"):
                        total += int(line.split()[1])
        except OSError:
            pass
    return total


def run_once(binary, ready, data):
    home = tempfile.mkdtemp(prefix="alk-startup-")
    env = dict(os.environ, XDG_CONFIG_HOME=os.path.join(home, "config"), XDG_DATA_HOME=os.path.join(home, "data"))
    if data:
        shutil.copytree(data, env["XDG_DATA_HOME"])
    started = time.monotonic()
    app = subprocess.Popen([binary], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)
    ms = None
    steps = {}
    for line in app.stdout:
        if ready in line:
            ms = (time.monotonic() - started) * 1000
            for part in line.partition("; steps ")[2].split():
                step, _, at = part.partition("=")
                steps[step] = float(at)
            break
    time.sleep(3)
    pss = pss_kib(app.pid)
    helpers = children(app.pid)
    # The app first: it asks its page to save before it ends, which a page whose web process is
    # already gone can never answer (the app then waits out its 10 s limit).
    app.terminate()
    app.wait(timeout=15)
    for p in helpers:
        try:
            os.kill(p, 15)
        except OSError:
            pass
    shutil.rmtree(home, ignore_errors=True)
    return ms, pss, steps


def main():
    runs = int(sys.argv[1])
    apps = []
    for spec in sys.argv[2:]:
        name, rest = spec.split("=", 1)
        parts = rest.split("|")
        apps.append((name, parts[0], parts[1], parts[2] if len(parts) > 2 else None))
    results = {name: [] for name, *_ in apps}
    for _ in range(runs):
        for name, binary, ready, data in apps:
            results[name].append(run_once(binary, ready, data))
    base = None
    for name, *_ in apps:
        times = [ms for ms, _, _ in results[name] if ms is not None]
        pss = [p for _, p, _ in results[name]]
        t, m = statistics.median(times), statistics.median(pss) / 1024
        base = base or (t, m)
        print(f"{name}: first screen median_ms={t:.0f} (of {len(times)}, {min(times):.0f}-{max(times):.0f}) "
              f"pss_median_mib={m:.1f} ({min(pss) / 1024:.1f}-{max(pss) / 1024:.1f})  "
              f"ratio to {apps[0][0]}: time {t / base[0]:.2f}x, memory {m / base[1]:.2f}x")
        steps = [s for _, _, s in results[name] if s]
        if steps:
            names = list(steps[0])
            print(f"  {name} steps, median ms after run began: " + " ".join(
                f"{n}={statistics.median(s[n] for s in steps if n in s):.0f}" for n in names))


if __name__ == "__main__":
    main()
