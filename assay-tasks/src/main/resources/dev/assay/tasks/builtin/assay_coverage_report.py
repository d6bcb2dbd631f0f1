"""Writes coverage.py's JSON and XML reports and prints the totals:
python assay_coverage_report.py DATA_FILE JSON_OUT XML_OUT."""
import json
import sys

import coverage

data_file, json_out, xml_out = sys.argv[1:4]
cov = coverage.Coverage(data_file=data_file)
cov.load()
try:
    cov.json_report(outfile=json_out)
except coverage.exceptions.NoDataError as e:
    # The tests ran none of the package's code: that is 0%, not a failure to measure.
    print("assay-coverage total 0.00", flush=True)
    print("assay-coverage none", e, flush=True)
    sys.exit(0)
try:
    cov.xml_report(outfile=xml_out)
except Exception as e:  # the JSON report is what counts; the XML is a convenience
    print("assay-coverage xml-failed", e)
with open(json_out, encoding="utf-8") as f:
    report = json.load(f)


def short(path):
    marker = "site-packages/"
    return path[path.index(marker) + len(marker):] if marker in path else path


print("assay-coverage total %.2f" % report["totals"]["percent_covered"], flush=True)
for path, data in sorted(report["files"].items()):
    print("assay-coverage file %.2f %s" % (data["summary"]["percent_covered"], short(path)), flush=True)
