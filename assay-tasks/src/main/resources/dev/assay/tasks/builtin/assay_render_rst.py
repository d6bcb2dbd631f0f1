"""Renders a reStructuredText description as PyPI does, with readme_renderer (no raw HTML, no file inclusion):
python assay_render_rst.py SOURCE TARGET. Writes the HTML to TARGET and prints one line: 'assay-rst rendered',
'assay-rst failed MESSAGES' or 'assay-rst unavailable WHY'."""
import io
import sys

source, target = sys.argv[1], sys.argv[2]


def say(*words):
    print("assay-rst", *[str(w).replace("\n", " | ") for w in words], flush=True)


try:
    from readme_renderer.rst import render
except ImportError as e:
    say("unavailable", "readme_renderer cannot be imported:", e)
    sys.exit(0)
with open(source, encoding="utf-8") as f:
    text = f.read()
messages = io.StringIO()
html = render(text, stream=messages)
if html is None:
    say("failed", messages.getvalue().strip() or "no content rendered")
else:
    with open(target, "w", encoding="utf-8") as f:
        f.write(html)
    say("rendered")
