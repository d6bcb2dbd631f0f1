"""Prints, one JSON line per wheel given, the upload form twine (6.x) sends for it.

Twine's own logic (twine/package.py and twine/repository.py), without its refusal of newer metadata: the wheel's
METADATA parsed as packaging.metadata.parse_email parses it (the email module, policy compat32; repeated here
because the system's packaging may predate it), License-File dropped under Metadata-Version 2.4, fields renamed
as twine names them, project URLs as "label, url", keywords joined, the name made safe, the digests.
"""
import email.header
import email.parser
import email.policy
import hashlib
import json
import re
import sys
import zipfile

LIST_FIELDS = {"classifier", "dynamic", "license-file", "obsoletes", "obsoletes-dist", "platform", "provides",
               "provides-dist", "provides-extra", "requires", "requires-dist", "requires-external",
               "supported-platform", "project-url", "import-name", "import-namespace"}

TWINE_NAMES = {
    "metadata_version": "metadata_version", "name": "name", "version": "version", "platforms": "platform",
    "summary": "summary", "description": "description", "keywords": "keywords", "home_page": "home_page",
    "author": "author", "author_email": "author_email", "license": "license",
    "supported_platforms": "supported_platform", "download_url": "download_url", "classifiers": "classifiers",
    "requires": "requires", "provides": "provides", "obsoletes": "obsoletes", "maintainer": "maintainer",
    "maintainer_email": "maintainer_email", "requires_dist": "requires_dist", "provides_dist": "provides_dist",
    "obsoletes_dist": "obsoletes_dist", "requires_python": "requires_python",
    "requires_external": "requires_external", "project_urls": "project_urls",
    "description_content_type": "description_content_type", "provides_extra": "provides_extra",
    "dynamic": "dynamic", "license_expression": "license_expression", "license_files": "license_file",
}


def utf8(value):
    """A header the parser could not read as ASCII, read as UTF-8 as packaging does."""
    if not isinstance(value, email.header.Header):
        return value
    chunks = [(binary, "utf8") for binary, _ in email.header.decode_header(value)]
    return str(email.header.make_header(chunks))


def parse_email(data):
    """packaging.metadata.parse_email, reduced to what twine sends: raw field name to value."""
    message = email.parser.BytesParser(policy=email.policy.compat32).parsebytes(data)
    raw = {}
    for name in {key.lower() for key in message.keys()}:
        values = [utf8(value) for value in message.get_all(name)]
        key = name.replace("-", "_")
        key = {"classifier": "classifiers", "platform": "platforms", "supported_platform": "supported_platforms",
               "license_file": "license_files", "project_url": "project_urls"}.get(key, key)
        if name == "keywords" and len(values) == 1:
            raw[key] = [keyword.strip() for keyword in values[0].split(",")]
        elif name == "project-url":
            raw[key] = dict((part.strip() for part in value.partition(",")[::2]) for value in values)
        elif name in LIST_FIELDS:
            raw[key] = values
        elif len(values) == 1:
            raw[key] = values[0]
    payload = message.get_payload(decode=True)
    if payload:
        raw["description"] = payload.decode("utf-8")
    return raw, {}


def version_tuple(text):
    return tuple(int(part) for part in re.findall(r"\d+", text)[:2]) or (0,)


def form(path):
    with zipfile.ZipFile(path) as wheel:
        name = next(n for n in wheel.namelist() if re.fullmatch(r"[^/]+\.dist-info/METADATA", n))
        raw, _unparsed = parse_email(wheel.read(name))
    if version_tuple(raw.get("metadata_version", "0")) < (2, 4):
        raw.pop("license_files", None)
    fields = [(":action", "file_upload"), ("protocol_version", "1")]
    for key, value in raw.items():
        field = TWINE_NAMES.get(key)
        if field is None:
            continue
        if field == "name":
            value = re.sub("[^A-Za-z0-9.]+", "-", value)
        if field == "project_urls":
            fields.extend((field, f"{label}, {url}") for label, url in value.items())
        elif field == "keywords":
            fields.append((field, ", ".join(value)))
        elif isinstance(value, list):
            fields.extend((field, item) for item in value)
        else:
            fields.append((field, value))
    content = open(path, "rb").read()
    fields.append(("pyversion", path.rsplit("/", 1)[-1].split("-")[-3]))
    fields.append(("filetype", "bdist_wheel"))
    fields.append(("sha256_digest", hashlib.sha256(content).hexdigest()))
    fields.append(("blake2_256_digest", hashlib.blake2b(content, digest_size=32).hexdigest()))
    return fields


for argument in sys.argv[1:]:
    try:
        print(json.dumps({"file": argument, "fields": form(argument)}))
    except Exception as failure:  # the test lists it as a wheel it could not send
        print(json.dumps({"file": argument, "error": f"{type(failure).__name__}: {failure}"}))
