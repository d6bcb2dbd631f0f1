package dev.assay.packaging.requirement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Evaluation where both sides may be PEP 440 versions, and the examples mixing versions, platforms and extras. */
class MarkerVersionEvaluationTest {

    private static final MarkerEnvironment LINUX = MarkerEnvironment.cpython("3.12.4", "linux", "x86_64");

    private static boolean evaluate(String marker, MarkerVariable variable, String value) {
        return Marker.parse(marker).evaluate(LINUX.with(variable, value));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "'2.7.9' < python_full_version        | 2.7.10     | true",
        "'2.7.9' < python_full_version        | 2.7.8      | false",
        "python_full_version > '3.6.2'        | 3.11.0a5   | true",
        "python_full_version < '3.12'         | 3.11.1+    | true",
        "python_full_version >= '3.8.0'       | 3.10.0     | true",
        "python_full_version == '3.11.0rc1'   | 3.11.0c1   | true",
        "python_full_version < '3.11'         | 3.11.0a5   | false",
        "python_full_version <= '3.11'        | 3.11.0a5   | true",
        "python_full_version != '3.8.0'       | 3.8        | false",
        "python_full_version > '3.8'          | 3.8.0.post1 | false",
        "python_full_version >= '3.8'         | 3.8.0.post1 | true",
    })
    void comparesFullVersionsByPep440RulesWithPreReleasesAllowed(String marker, String version, boolean expected) {
        assertThat(evaluate(marker, MarkerVariable.PYTHON_FULL_VERSION, version)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "python_version >= '3.10'      | 3.9    | false",
        "python_version >= '3.10'      | 3.10   | true",
        "python_version < '3.10'       | 3.9    | true",
        "python_version > '3.9'        | 3.10   | true",
        "python_version < '2.7.6'      | 2.7    | true",
        "python_version ~= '2.7.0'     | 2.7.6  | true",
        "python_version ~= '3.1'       | 2.7    | false",
        "python_version == '3.*'       | 3.12   | true",
        "python_version == '3.1.*'     | 3.12   | false",
        "python_version != '3.1*'      | 3.12   | true",
        "python_version === '3.12'     | 3.12   | true",
        "python_version === '3.12.0'   | 3.12   | false",
        "'3.8' <= python_version       | 3.12   | true",
        "'3.13' <= python_version      | 3.12   | false",
        "'2.7' in python_version       | 2.7.5  | true",
        "'2.7' not in python_version   | 2.7    | false",
        "python_version >= '3.9.'      | 3.10   | false",
        "python_version >= '3.9.'      | 3.9.   | true",
    })
    void comparesPythonVersionAsAVersionOnlyWhenBothSidesAreVersions(String marker, String version, boolean expected) {
        assertThat(evaluate(marker, MarkerVariable.PYTHON_VERSION, version)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "platform_release >= '5.0'             | 6.1.0                 | true",
        "platform_release >= '5.0'             | 6.1.0-13-arm64        | false",
        "platform_release == '6.1.0-13-arm64'  | 6.1.0-13-arm64        | true",
        "platform_release < '7'                | 6.1.0-13-arm64        | false",
        "'arm64' in platform_release           | 6.1.0-13-arm64        | true",
    })
    void fallsBackToStringRulesForAPlatformReleaseThatIsNotAVersion(String marker, String release, boolean expected) {
        assertThat(evaluate(marker, MarkerVariable.PLATFORM_RELEASE, release)).isEqualTo(expected);
    }

    @Test
    void evaluatesCombinationsWithAndOrAndParentheses() {
        String marker = "python_version ~= '2.7.0' and (os_name == 'foo' or os_name == 'bar')";
        MarkerEnvironment python27 = LINUX.with(MarkerVariable.PYTHON_VERSION, "2.7.4");

        assertThat(Marker.parse(marker).evaluate(python27.with(MarkerVariable.OS_NAME, "foo"))).isTrue();
        assertThat(Marker.parse(marker).evaluate(python27.with(MarkerVariable.OS_NAME, "bar"))).isTrue();
        assertThat(Marker.parse(marker).evaluate(python27.with(MarkerVariable.OS_NAME, "other"))).isFalse();
        assertThat(Marker.parse("os_name == 'foo' and python_version ~= '2.7.0'")
                .evaluate(LINUX.with(MarkerVariable.OS_NAME, "foo").with(MarkerVariable.PYTHON_VERSION, "2.7.6")))
                .isTrue();
    }

    @Test
    void evaluatesTheBriefsMixedExampleInEveryEnvironmentThatMatters() {
        Marker marker = Marker.parse(
                "python_version >= \"3.8\" and (sys_platform == \"linux\" or extra == \"Test_Ext\")");
        MarkerEnvironment windows = MarkerEnvironment.cpython("3.12.4", "win32", "AMD64");
        MarkerEnvironment oldLinux = MarkerEnvironment.cpython("3.7.17", "linux", "x86_64");

        assertThat(marker.evaluate(LINUX)).isTrue();
        assertThat(marker.evaluate(windows)).isFalse();
        assertThat(marker.evaluate(windows.withExtra("test-ext"))).isTrue();
        assertThat(marker.evaluate(windows.withExtra("TEST.EXT"))).isTrue();
        assertThat(marker.evaluate(windows.withExtra("test"))).isFalse();
        assertThat(marker.evaluate(oldLinux)).isFalse();
        assertThat(marker.evaluate(oldLinux.withExtra("test_ext"))).isFalse();
    }

    @Test
    void bindsAndTighterThanOrWhenEvaluating() {
        Marker marker = Marker.parse("python_version == '2.7' and os_name == 'linux' or sys_platform == 'win32'");

        assertThat(marker.evaluate(MarkerEnvironment.cpython("3.12.0", "win32", "AMD64"))).isTrue();
        assertThat(marker.evaluate(LINUX.with(MarkerVariable.OS_NAME, "linux"))).isFalse();
        assertThat(marker.evaluate(LINUX.with(MarkerVariable.OS_NAME, "linux").with(MarkerVariable.PYTHON_VERSION, "2.7")))
                .isTrue();
    }

    private static final List<String> OPERATORS = List.of("===", "==", ">=", "<=", "!=", "~=", ">", "<", "in", "not in");
    private static final List<String> VALUES = List.of("1.0", "5.6a0", "dog", "freebsd",
            "literally any string can go here", "things @#4 dsfd (((", "", "3.*", "1!2.0+local", "==1");

    static Stream<String> everyComparison() {
        return Stream.of(MarkerVariable.values()).flatMap(variable -> OPERATORS.stream()
                .flatMap(operator -> VALUES.stream().flatMap(value -> Stream.of(
                        variable.markerName() + " " + operator + " '" + value + "'",
                        "'" + value + "' " + operator + " " + variable.markerName()))));
    }

    @ParameterizedTest
    @MethodSource("everyComparison")
    void evaluatesAnyValueToABooleanOrAnUndefinedComparison(String marker) {
        for (String value : List.of("3.12.4", "posix", "", "1.0", "5.6a0", "6.1.0-13-arm64", "#1 SMP")) {
            MarkerEnvironment environment = LINUX;
            for (MarkerVariable variable : MarkerVariable.values()) {
                environment = environment.with(variable, value);
            }
            MarkerEnvironment filled = environment;
            Throwable thrown = catchThrowable(() -> Marker.parse(marker).evaluate(filled));
            assertThat(thrown).satisfiesAnyOf(
                    t -> assertThat(t).isNull(),
                    t -> assertThat(t).isInstanceOf(UndefinedComparisonException.class));
        }
    }
}
