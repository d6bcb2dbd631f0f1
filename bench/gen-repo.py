"""Writes a `git fast-import` stream of a repository with COMMITS commits on main (default 3000) to stdout.

The tree is a small Python project's: about 400 text files of 1-12 KB in nested packages; every commit
edits a few lines of 1-4 files, and every 50th adds a file, so the history deltifies as a real one does.
The same seed gives the same repository.
"""
import random
import sys

commits = int(sys.argv[1]) if len(sys.argv) > 1 else 3000
rng = random.Random(15)
words = ("def class return import self value items name path result error data index package version "
         "release file upload build test check config server client request response cache token").split()


def line():
    return " ".join(rng.choice(words) for _ in range(rng.randint(3, 12)))


def text(lines):
    return "\n".join(lines) + "\n"


files = {}
for package in range(20):
    for module in range(20):
        files[f"src/pkg{package}/sub{module % 4}/mod{module}.py"] = [line() for _ in range(rng.randint(20, 250))]
out = sys.stdout.buffer


def emit_blob(path):
    data = text(files[path]).encode()
    out.write(b"M 100644 inline " + path.encode() + b"\ndata %d\n" % len(data) + data + b"\n")


stamp = 1_600_000_000
for number in range(1, commits + 1):
    message = f"Change {number}: {line()}\n".encode()
    out.write(b"commit refs/heads/main\n")
    out.write(b"committer Bench <bench@example.org> %d +0000\n" % (stamp + number * 600))
    out.write(b"data %d\n" % len(message) + message)
    if number == 1:
        out.write(b"deleteall\n")
        changed = list(files)
    else:
        changed = rng.sample(sorted(files), rng.randint(1, 4))
        for path in changed:
            lines = files[path]
            for _ in range(rng.randint(1, 5)):
                lines[rng.randrange(len(lines))] = line()
            lines.insert(rng.randrange(len(lines) + 1), line())
        if number % 50 == 0:
            path = f"src/pkg{number % 20}/added{number}.py"
            files[path] = [line() for _ in range(rng.randint(10, 100))]
            changed.append(path)
    for path in changed:
        emit_blob(path)
    out.write(b"\n")
out.write(b"done\n")
