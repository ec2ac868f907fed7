#!/usr/bin/env python3
"""Our pack against Typst's: the time and size ratios of two pack_bench lines.

usage: ratio.py "OURS_LINE" "THEIRS_LINE"   (each: "name key=value ...", with median_ms and bytes)
"""
import sys


def fields(line):
    return dict(part.split("=") for part in line.split()[1:])


ours, theirs = fields(sys.argv[1]), fields(sys.argv[2])
print(f"time ratio ours/typst = {float(ours['median_ms']) / float(theirs['median_ms']):.2f}")
print(f"size ratio ours/typst = {int(ours['bytes']) / int(theirs['bytes']):.2f}")
