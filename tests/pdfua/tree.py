"""Prints a PDF's bookmarks and its tag tree (roles, with the words read in place of a figure or
a tick box), as a screen reader meets them. Reads the file through `qpdf --json`.

Usage: tree.py FILE.pdf [MAX_LINES]
"""
import json
import subprocess
import sys


def load(path):
    out = subprocess.run(["qpdf", "--json", "--json-key=qpdf", path], capture_output=True, check=True, text=True)
    objects = json.loads(out.stdout)["qpdf"][1]
    return {key.removeprefix("obj:"): value.get("value", value.get("stream", {}).get("dict")) for key, value in objects.items()}


def text(value):
    if isinstance(value, str) and value.startswith("u:"):
        return value[2:]
    return value


def main(path, most=200):
    objects = load(path)
    trailer = objects["trailer"]
    catalog = objects[trailer["/Root"]]
    lines = [f"Language: {text(catalog.get('/Lang'))}   Title: {text(objects[trailer['/Info']].get('/Title'))}", "", "Bookmarks:"]
    outlines = catalog.get("/Outlines")
    item = objects[outlines].get("/First") if outlines else None
    while item:
        lines.append(f"  {text(objects[item]['/Title'])}")
        item = objects[item].get("/Next")
    lines += ["", "Tags:"]

    def walk(ref, depth):
        element = objects[ref]
        said = element.get("/Alt") or element.get("/ActualText")
        kids = element.get("/K", [])
        kids = kids if isinstance(kids, list) else [kids]
        marks = sum(1 for k in kids if isinstance(k, dict))
        extra = f'  "{text(said)}"' if said else ""
        lines.append(f"{'  ' * depth}{element['/S'][1:]}{extra}" + (f"  ({marks} marked)" if marks else ""))
        for kid in kids:
            if isinstance(kid, str):
                walk(kid, depth + 1)

    root = objects[catalog["/StructTreeRoot"]]
    for kid in root["/K"] if isinstance(root["/K"], list) else [root["/K"]]:
        walk(kid, 1)
    print("\n".join(lines[:most]))


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 200)
