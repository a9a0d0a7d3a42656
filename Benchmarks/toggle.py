#!/usr/bin/env python3
"""Edits a file for a benchmark run: appends LINE when it is absent, removes it when present, so that every
run sees a change. With --restore, only removes it."""
import sys

args = sys.argv[1:]
restore = args[0] == "--restore"
if restore:
    args = args[1:]
path, line = args
text = open(path, encoding="utf-8").read()
marker = "\n" + line + "\n"
if marker in text:
    text = text.replace(marker, "\n", 1)
elif not restore:
    text = text.rstrip("\n") + marker
open(path, "w", encoding="utf-8").write(text)
