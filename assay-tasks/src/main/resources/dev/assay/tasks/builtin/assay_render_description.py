"""Renders a description as its content type would be on a project page:
python assay_render_description.py CONTENT_TYPE FILE. Prints one line:
'assay-render ok RENDERER', 'assay-render failed RENDERER MESSAGES', 'assay-render accepted TYPE' or
'assay-render unavailable WHY'."""
import io
import sys

content_type, path = sys.argv[1], sys.argv[2]
with open(path, encoding="utf-8") as f:
    text = f.read()
kind = content_type.split(";")[0].strip().lower() or "text/x-rst"


def say(*words):
    print("assay-render", *[str(w).replace("\n", " | ") for w in words], flush=True)


if kind != "text/x-rst":
    say("accepted", kind)
    sys.exit(0)
messages = io.StringIO()
try:
    from readme_renderer import rst
    renderer = "readme_renderer"
    rendered = rst.render(text, stream=messages)
except ImportError:
    try:
        from docutils.core import publish_parts
        from docutils.utils import SystemMessage
    except ImportError:
        say("unavailable", "neither readme_renderer nor docutils is installed")
        sys.exit(0)
    renderer = "docutils"
    try:
        # Untrusted text: no file inclusion, no raw HTML; a warning is a failure, as on PyPI.
        rendered = publish_parts(text, writer_name="html", settings_overrides={
            "file_insertion_enabled": False, "raw_enabled": False, "halt_level": 2, "report_level": 2,
            "warning_stream": messages})["body"]
    except SystemMessage as e:
        messages.write(str(e))
        rendered = None
if rendered is None:
    say("failed", renderer, messages.getvalue().strip() or "it does not render")
else:
    say("ok", renderer)
