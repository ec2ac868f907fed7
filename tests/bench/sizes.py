#!/usr/bin/env python3
"""The release binary, .deb and .rpm of our app against a bare Tauri 2 app's, with the aim:
no more than the bare app plus our fonts plus 20%. Then what our .deb carries, unpacked. Run from
the repository's root after both release builds (./dev.sh bench). README, "Release build", says
where the bytes go and why each big part is there."""
import glob
import os
import shutil
import subprocess


def size(pattern):
    files = glob.glob(pattern)
    return os.path.getsize(files[0]) if files else 0


rows = [("binary", "target/release/alk-companion", "target/release/bare-tauri"),
        (".deb", "target/release/bundle/deb/ALK*.deb", "target/release/bundle/deb/Bare*.deb"),
        (".rpm", "target/release/bundle/rpm/ALK*.rpm", "target/release/bundle/rpm/Bare*.rpm")]
fonts = sum(os.path.getsize(f) for f in glob.glob("resources/fonts/*.ttf"))
print(f"fonts (resources/fonts/*.ttf): {fonts / 1e6:.2f} MB")
for name, ours, bare in rows:
    a, b = size(ours), size(bare)
    if not a or not b:
        print(f"{name}: not built ({ours if not a else bare})")
        continue
    aim = (b + fonts) * 1.2
    verdict = "within" if a <= aim else f"over by {(a - aim) / 1e6:.1f} MB"
    print(f"{name}: ours {a / 1e6:.2f} MB, bare {b / 1e6:.2f} MB, ratio {a / max(b, 1):.2f}, "
          f"aim <= {aim / 1e6:.2f} MB (bare + fonts + 20%): {verdict}")

# What the .deb unpacks to, by part: the binary, the fonts, the content, the rest (icons, .desktop).
debs = glob.glob("target/release/bundle/deb/ALK*.deb")
if debs and shutil.which("dpkg-deb"):
    listing = subprocess.run(["dpkg-deb", "-c", debs[0]], capture_output=True, text=True, check=True).stdout
    parts = {"binary": 0, "fonts": 0, "content": 0, "other": 0}
    for line in listing.splitlines():
        fields = line.split(None, 5)
        if len(fields) < 6 or fields[0].startswith("d"):
            continue
        path, bytes_ = fields[5].removeprefix("./"), int(fields[2])
        part = ("binary" if path.startswith("usr/bin/") else "fonts" if "/resources/fonts/" in path
                else "content" if "/resources/content/" in path else "other")
        parts[part] += bytes_
    print(".deb unpacked: " + ", ".join(f"{k} {v / 1e6:.2f} MB" for k, v in parts.items()))
