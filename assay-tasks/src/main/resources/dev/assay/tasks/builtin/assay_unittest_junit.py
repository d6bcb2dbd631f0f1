"""Runs unittest discovery and writes JUnit XML: python assay_unittest_junit.py START_DIR OUTPUT_XML."""
import sys
import time
import unittest
import xml.etree.ElementTree as ET


class Recorder(unittest.TextTestResult):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.cases = []
        self.started = 0.0

    def startTest(self, test):
        self.started = time.monotonic()
        super().startTest(test)

    def _record(self, test, kind=None, message="", detail=""):
        self.cases.append((test, kind, message, detail, time.monotonic() - self.started))

    def addSuccess(self, test):
        super().addSuccess(test)
        self._record(test)

    def addFailure(self, test, err):
        super().addFailure(test, err)
        self._record(test, "failure", str(err[1]), self._exc_info_to_string(err, test))

    def addError(self, test, err):
        super().addError(test, err)
        self._record(test, "error", "%s: %s" % (err[0].__name__, err[1]), self._exc_info_to_string(err, test))

    def addSkip(self, test, reason):
        super().addSkip(test, reason)
        self._record(test, "skipped", reason)

    def addExpectedFailure(self, test, err):
        super().addExpectedFailure(test, err)
        self._record(test)

    def addUnexpectedSuccess(self, test):
        super().addUnexpectedSuccess(test)
        self._record(test, "failure", "unexpected success")


def main():
    start, output = sys.argv[1], sys.argv[2]
    suite = unittest.defaultTestLoader.discover(start, top_level_dir=".")
    result = unittest.TextTestRunner(resultclass=Recorder, verbosity=2).run(suite)
    root = ET.Element("testsuites")
    suite_el = ET.SubElement(root, "testsuite", name="unittest", tests=str(result.testsRun))
    for test, kind, message, detail, duration in result.cases:
        test_id = test.id()
        classname, _, name = test_id.rpartition(".")
        case = ET.SubElement(suite_el, "testcase", classname=classname, name=name or test_id,
                             time="%.3f" % duration)
        if kind:
            ET.SubElement(case, kind, message=message).text = detail
    ET.ElementTree(root).write(output, encoding="utf-8", xml_declaration=True)
    sys.exit(0 if result.wasSuccessful() else 1)


if __name__ == "__main__":
    main()
