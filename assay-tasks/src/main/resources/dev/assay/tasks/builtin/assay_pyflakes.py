"""Runs pyflakes over the given paths and prints one line per message: PATH:LINE:KIND:MESSAGE,
KIND being the message's class in kebab case (UnusedImport -> unused-import)."""
import re
import sys

from pyflakes import api, reporter


def line(path, lineno, kind, message):
    print("%s:%d:%s:%s" % (path, lineno or 0, kind, str(message).replace("\n", " ")), flush=True)


class Lines(reporter.Reporter):
    def __init__(self):
        pass

    def unexpectedError(self, filename, msg):
        line(filename, 0, "unexpected-error", msg)

    def syntaxError(self, filename, msg, lineno, offset, text):
        line(filename, lineno, "syntax-error", msg)

    def flake(self, message):
        kind = re.sub(r"(?<!^)(?=[A-Z])", "-", type(message).__name__).lower()
        line(message.filename, message.lineno, kind, message.message % message.message_args)


api.checkRecursive(sys.argv[1:], Lines())
