#!/usr/bin/env python3
"""The release binary, .deb and .rpm of our app against a bare Tauri 2 app's, with the aim:
no more than the bare app plus our fonts plus 20%. Run from the repository's root after both
release builds (./dev.sh bench)."""
import glob
import os


def size(pattern):
    files = glob.glob(pattern)
    return os.path.getsize(files[0]) if files else 0


rows = [("binary", "target/release/alk-companion", "target/release/bare-tauri"),
        (".deb", "target/release/bundle/deb/ALK*.deb", "target/release/bundle/deb/Bare*.deb"),
        (".rpm", "target/release/bundle/rpm/ALK*.rpm", "target/release/bundle/rpm/Bare*.rpm")]
fonts = sum(os.path.getsize(f) for f in glob.glob("resources/fonts/*.ttf"))
for name, ours, bare in rows:
    a, b = size(ours), size(bare)
    print(f"{name}: ours {a / 1e6:.1f} MB, bare {b / 1e6:.1f} MB, ratio {a / max(b, 1):.2f}, aim <= {(b + fonts) * 1.2 / 1e6:.1f} MB (bare + fonts + 20%)")
