"""Assay's environment-read recorder, loaded by a .pth file in the job's venv.

Appends the name of each environment variable the interpreter's Python code reads (os.environ and
os.environb: indexing, get, in, os.getenv) to the file ASSAY_ENV_READS names, once per name and process.
Values are never written. Anything going wrong here is swallowed: the recorder must not change what the
package does.
"""


def _install():
    import os

    target = os.environ.get("ASSAY_ENV_READS")
    if not target:
        return
    seen = set()
    # Set while a name is written, so nothing the writing itself reads is recorded or loops back here.
    busy = []

    def record(key):
        if busy:
            return
        busy.append(True)
        try:
            if isinstance(key, bytes):
                key = key.decode("utf-8", "surrogateescape")
            if isinstance(key, str) and key not in seen:
                seen.add(key)
                line = key.replace("\n", " ") + "\n"
                fd = os.open(target, os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_CLOEXEC, 0o600)
                try:
                    os.write(fd, line.encode("utf-8", "surrogateescape"))
                finally:
                    os.close(fd)
        except BaseException:
            pass
        finally:
            busy.pop()

    environ_type = type(os.environ)

    class RecordingEnviron(environ_type):
        __slots__ = ()

        def __getitem__(self, key):
            record(key)
            return environ_type.__getitem__(self, key)

        def __contains__(self, key):
            record(key)
            return environ_type.__contains__(self, key)

        def get(self, key, default=None):
            record(key)
            return environ_type.get(self, key, default)

    # Named as the original, so a package printing the type sees what it would without the recorder.
    RecordingEnviron.__name__ = environ_type.__name__
    RecordingEnviron.__qualname__ = environ_type.__qualname__
    RecordingEnviron.__module__ = environ_type.__module__
    for name in ("environ", "environb"):
        mapping = getattr(os, name, None)
        if type(mapping) is environ_type:
            mapping.__class__ = RecordingEnviron


try:
    _install()
except BaseException:
    pass
del _install
