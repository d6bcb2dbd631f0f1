package dev.assay.tasks.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JUnitXmlParserTest {

    private final JUnitXmlParser parser = new JUnitXmlParser();

    @Test
    void countsPytestsOutcomesAndNamesEachFailureWithItsMessage() throws Exception {
        TestSummary summary = parse("""
                <?xml version="1.0" encoding="utf-8"?><testsuites><testsuite name="pytest" errors="1" failures="1"
                 skipped="1" tests="5" time="0.05" timestamp="2024-01-01T00:00:00" hostname="h">
                <testcase classname="tests.test_calc" name="test_add" time="0.001" />
                <testcase classname="tests.test_calc" name="test_div" time="0.001"><failure message="assert 3 == 4&#10;  +  where 3 = div(6, 2)">def test_div():
                &gt;       assert div(6, 2) == 4
                E       assert 3 == 4</failure></testcase>
                <testcase classname="tests.test_calc" name="test_skip" time="0.000"><skipped type="pytest.skip"
                 message="not on this platform">/w/tests/test_calc.py:9: not on this platform</skipped></testcase>
                <testcase classname="tests.test_calc" name="test_fixture" time="0.000"><error
                 message="failed on setup with &quot;fixture 'db' not found&quot;">file /w/tests/test_calc.py</error></testcase>
                <testcase classname="tests.test_calc" name="test_mul" time="0.001"><system-out>hi</system-out></testcase>
                </testsuite></testsuites>
                """);

        assertThat(summary.passed()).isEqualTo(2);
        assertThat(summary.failed()).isEqualTo(1);
        assertThat(summary.skipped()).isEqualTo(1);
        assertThat(summary.errors()).isEqualTo(1);
        assertThat(summary.allPassed()).isFalse();
        assertThat(summary.failures()).containsExactly(
                new TestFailure("tests.test_calc.test_div", "assert 3 == 4\n  +  where 3 = div(6, 2)", false),
                new TestFailure("tests.test_calc.test_fixture", "failed on setup with \"fixture 'db' not found\"",
                        true));
    }

    @Test
    void walksNestedSuitesAndASingleSuiteRoot() throws Exception {
        TestSummary nested = parse("""
                <testsuites><testsuite name="outer"><testsuite name="inner">
                  <testcase name="a"/><testcase name="b"><failure message="boom"/></testcase>
                </testsuite><testcase name="c"/></testsuite></testsuites>
                """);
        TestSummary single = parse("<testsuite><testcase classname='m' name='t'/></testsuite>");

        assertThat(nested.describe()).isEqualTo("2 passed, 1 failed, 0 skipped, 0 errors");
        assertThat(nested.failures()).extracting(TestFailure::name).containsExactly("b");
        assertThat(single.passed()).isEqualTo(1);
        assertThat(single.allPassed()).isTrue();
    }

    @Test
    void toleratesMissingAttributes() throws Exception {
        TestSummary summary = parse("""
                <testsuites><testsuite><testcase/><testcase classname="x"><failure>first line

                second line</failure></testcase></testsuite></testsuites>
                """);

        assertThat(summary.failures()).containsExactly(new TestFailure("x.<unnamed test>", "first line", false));
        assertThat(summary.passed()).isEqualTo(1);
    }

    @Test
    void countsASuiteThatGivesOnlyItsTotals() throws Exception {
        TestSummary summary = parse("<testsuite tests='6' failures='1' errors='1' skipped='2'/>");

        assertThat(summary.describe()).isEqualTo("2 passed, 1 failed, 2 skipped, 1 errors");
    }

    @Test
    void rejectsMalformedXmlAndOtherDocumentsWithATypedError() {
        assertThatThrownBy(() -> parse("<testsuites><testsuite>")).isInstanceOf(JUnitXmlException.class)
                .hasMessageStartingWith("not well-formed JUnit XML");
        assertThatThrownBy(() -> parse("")).isInstanceOf(JUnitXmlException.class);
        assertThatThrownBy(() -> parse("<html><body/></html>")).isInstanceOf(JUnitXmlException.class)
                .hasMessageContaining("<html>");
        assertThatThrownBy(() -> parse("<testsuite tests='many'/>")).isInstanceOf(JUnitXmlException.class)
                .hasMessageContaining("tests=\"many\"");
    }

    @Test
    void refusesDoctypesSoAnUntrustedFileCannotPullInEntities() {
        assertThatThrownBy(() -> parse("""
                <?xml version="1.0"?><!DOCTYPE t [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <testsuite><testcase name="&x;"/></testsuite>
                """)).isInstanceOf(JUnitXmlException.class);
    }

    private TestSummary parse(String xml) throws Exception {
        return parser.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
