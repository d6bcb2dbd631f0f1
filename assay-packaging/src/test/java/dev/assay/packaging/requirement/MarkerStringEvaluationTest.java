package dev.assay.packaging.requirement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.packaging.PackagingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Evaluation of markers whose values are not versions, so only the string rules apply. */
class MarkerStringEvaluationTest {

    private static final MarkerEnvironment LINUX = MarkerEnvironment.cpython("3.12.4", "linux", "x86_64");

    private static boolean evaluate(String marker, MarkerEnvironment environment) {
        return Marker.parse(marker).evaluate(environment);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "os_name == 'foo'                                     | foo   | true",
        "os_name == 'foo'                                     | bar   | false",
        "os_name != 'foo'                                     | bar   | true",
        "os_name === 'foo'                                    | foo   | true",
        "'fo' in os_name                                      | foo   | true",
        "'ba' in os_name                                      | foo   | false",
        "'ba' not in os_name                                  | foo   | true",
        "os_name in 'foobar'                                  | foo   | true",
        "os_name == 'foo' and os_name != 'bar'                | foo   | true",
        "os_name == 'foo' or os_name == 'bar'                 | bar   | true",
        "os_name == 'foo' or os_name == 'bar'                 | baz   | false",
        "os_name == 'Foo'                                     | foo   | false",
    })
    void comparesStringValuesAsStrings(String marker, String osName, boolean expected) {
        assertThat(evaluate(marker, LINUX.with(MarkerVariable.OS_NAME, osName))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "'b' < python_full_version  | c | false",
        "'b' < python_full_version  | a | false",
        "'b' > python_full_version  | a | false",
        "'b' >= python_full_version | a | false",
        "'b' <= python_full_version | a | false",
        "'a' <= python_full_version | a | true",
        "'a' >= python_full_version | a | true",
        "'b' > 'a'                  | a | false",
        "'b' < 'a'                  | a | false",
        "'a' <= 'a'                 | a | true",
    })
    void neverOrdersStringsOnlyEqualityHoldsForInclusiveOperators(String marker, String value, boolean expected) {
        assertThat(evaluate(marker, LINUX.with(MarkerVariable.PYTHON_FULL_VERSION, value))).isEqualTo(expected);
    }

    @Test
    void refusesCompatibleReleaseOnValuesThatAreNotVersions() {
        assertThatThrownBy(() -> evaluate("'2.7.0' ~= os_name", LINUX))
                .isInstanceOf(UndefinedComparisonException.class)
                .isInstanceOf(PackagingException.class)
                .hasMessageContaining("'~='")
                .hasMessageContaining("'posix'");
        assertThatThrownBy(() -> evaluate("\"dog\" ~= \"fred\"", LINUX)).isInstanceOf(UndefinedComparisonException.class);
    }

    @Test
    void skipsAnUndefinedComparisonTheOutcomeDoesNotDependOn() {
        assertThat(evaluate("os_name == 'posix' or 'dog' ~= 'fred'", LINUX)).isTrue();
        assertThat(evaluate("os_name == 'nt' and 'dog' ~= 'fred'", LINUX)).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "extra == 'security'                              | quux                            | false",
        "extra == 'security'                              | security                        | true",
        "extra == 'SECURITY'                              | security                        | true",
        "extra == 'security'                              | SECURITY                        | true",
        "extra == 'pep-685-norm'                          | PEP_685...norm                  | true",
        "extra == 'Different.punctuation..is...equal'     | different__punctuation_is_EQUAL | true",
        "extra != 'security'                              | security                        | false",
        "'security' == extra                              | Security                        | true",
        "extra == 'v2'                                    | ''                              | false",
        "extra == 'v2'                                    | v2                              | true",
        "extra == 'v2'                                    | v2a3                            | false",
        "extra == 'v2a3'                                  | v2                              | false",
        "extra == 'v2a3'                                  | v2a3                            | true",
        "extra == '1.0'                                   | 1                               | false",
        "extra == '1.0'                                   | 1.0                             | true",
    })
    void comparesExtraNamesAfterPep685NormalisationAndNeverAsVersions(String marker, String extra, boolean expected) {
        assertThat(evaluate(marker, LINUX.withExtra(extra))).isEqualTo(expected);
    }

    @Test
    void treatsAnEnvironmentWithoutExtraAsNoExtraRequested() {
        assertThat(evaluate("extra == 'im_valid'", LINUX)).isFalse();
        assertThat(evaluate("extra == 'im_valid'", LINUX.withExtra(null))).isFalse();
        assertThat(evaluate("extra != 'im_valid'", LINUX)).isTrue();
    }

    @Test
    void evaluatesTheLegacySpellingsAgainstTheirPep508Variables() {
        MarkerEnvironment environment = LINUX.with(MarkerVariable.PLATFORM_VERSION, "#39");

        assertThat(evaluate("sys.platform == 'win32'", environment)).isFalse();
        assertThat(evaluate("platform.version in 'Ubuntu'", environment)).isFalse();
        assertThat(evaluate("platform.machine=='x86_64'", environment)).isTrue();
        assertThat(evaluate("platform.python_implementation=='Jython'", environment)).isFalse();
        assertThat(evaluate("python_implementation=='CPython'", environment)).isTrue();
        assertThat(evaluate("os.name == 'posix'", environment)).isTrue();
    }
}
