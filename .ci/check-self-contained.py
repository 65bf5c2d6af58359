#!/usr/bin/env python3
"""Fails when a tracked file refers to a folder beside the repository.

A clone alone is the product: sources, tests, docs, fixtures, benchmarks and scripts may
cite files of the repository and public references, nothing else on the machine they were
written on. Reported, with file and line:

1. the names of the folders the project was once written beside (its background notes and
   data sets), the file names of those notes (unless the repository has a file of that
   name), and the absolute path of the folder holding this clone;
2. a relative path (`../x`) that, read from the file's folder, lands in the folder holding
   the repository (a sibling of the clone).

Paths that climb further, to the file system's root (`../../../../etc/passwd` in the tests
of hostile manifests), are not "beside the repository" and are allowed.
Usage: python3 .ci/check-self-contained.py (from anywhere inside the clone).
"""
import os
import re
import subprocess
import sys

root = subprocess.run(["git", "rev-parse", "--show-toplevel"], capture_output=True, text=True, check=True).stdout.strip()
parent = os.path.dirname(root)
me = os.path.relpath(os.path.abspath(__file__), root)

# The folder names are assembled from parts so that this file does not name them itself.
WORK, SHARED = "wo" + "rk", "sha" + "red"
named = [
    re.compile("/" + WORK + "/"),
    re.compile(r"\.\./" + SHARED + r"\b"),
    re.compile(r"\b" + SHARED + r"/(docs|datasets|convention)\b"),
]
if parent not in ("", "/"):
    named.append(re.compile(re.escape(parent.rstrip("/") + "/")))
# The background notes the project was written from, which are not part of it: a mention
# of one of these names is a reference outside unless the repository has a file of that name.
background = ["anchors.md", "criteria.md", "swift-blas.md", "DESIGN.md", "beyond.md", "convention-citoyenne-ia-montpellier.txt"]
relative = re.compile(r"(?<![\w.])((?:\.\./)+)([A-Za-z0-9_][\w.\-]*)")

def lands_beside(base_folder: str, ups: int) -> bool:
    """Whether climbing `ups` folders from `base_folder` (relative to the root) ends in the
    folder holding the repository."""
    depth = 0 if base_folder in ("", ".") else base_folder.count("/") + 1
    return ups == depth + 1

problems = []
files = subprocess.run(["git", "ls-files", "-z"], capture_output=True, check=True, cwd=root).stdout.split(b"\0")
present = {os.path.basename(f.decode()) for f in files if f}
for name in background:
    if name not in present:
        named.append(re.compile(r"(?<![\w/.-])" + re.escape(name)))
for name in (f.decode() for f in files if f):
    if name == me:
        continue
    try:
        with open(os.path.join(root, name), "rb") as handle:
            data = handle.read()
    except (IsADirectoryError, FileNotFoundError):
        continue
    if b"\0" in data[:8192]:
        continue  # binary
    text = data.decode("utf-8", errors="replace")
    folder = os.path.dirname(name)
    for number, line in enumerate(text.splitlines(), 1):
        for pattern in named:
            m = pattern.search(line)
            if m:
                problems.append(f"{name}:{number}: refers outside the repository ('{m.group(0)}'): {line.strip()[:160]}")
        for m in relative.finditer(line):
            ups = m.group(1).count("../")
            if lands_beside(folder, ups):
                problems.append(f"{name}:{number}: '{m.group(0)}' is a folder beside the repository: {line.strip()[:160]}")

if problems:
    print("Tracked files refer to folders outside the repository (a clone alone must be complete):", file=sys.stderr)
    for p in problems:
        print("  " + p, file=sys.stderr)
    sys.exit(1)
print(f"self-contained: {len([f for f in files if f])} tracked files refer to nothing beside the repository")
