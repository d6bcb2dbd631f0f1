package dev.assay.packaging.requirement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.packaging.PackagingException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class MarkerParsingTest {

    private static final List<String> VARIABLES = List.of("extra", "implementation_name", "implementation_version",
            "os_name", "platform_machine", "platform_release", "platform_system", "platform_version",
            "python_full_version", "python_version", "platform_python_implementation", "sys_platform");
    private static final List<String> LEGACY_VARIABLES = List.of("os.name", "sys.platform", "platform.version",
            "platform.machine", "platform.python_implementation", "python_implementation");
    private static final List<String> OPERATORS = List.of("===", "==", ">=", "<=", "!=", "~=", ">", "<", "in", "not in");
    private static final List<String> VALUES = List.of("1.0", "5.6a0", "dog", "freebsd",
            "literally any string can go here", "things @#4 dsfd (((");

    static Stream<String> everyVariableOperatorAndValueOnEitherSide() {
        return Stream.concat(VARIABLES.stream(), LEGACY_VARIABLES.stream()).flatMap(variable -> OPERATORS.stream()
                .flatMap(operator -> VALUES.stream().flatMap(value -> Stream.of(
                        variable + " " + operator + " '" + value + "'",
                        "'" + value + "' " + operator + " " + variable))));
    }

    @ParameterizedTest
    @MethodSource("everyVariableOperatorAndValueOnEitherSide")
    void parsesEveryVariableWithEveryOperatorOnEitherSide(String marker) {
        assertThat(Marker.parse(marker)).isInstanceOf(Marker.Comparison.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "python_version == '2.7'                                  | python_version == \"2.7\"",
        "python_version == \"2.7\"                                | python_version == \"2.7\"",
        "python_version=='2.7'                                    | python_version == \"2.7\"",
        "\tpython_version\t>=\t'3.3'\t                           | python_version >= \"3.3\"",
        "python_version == \"2.7\" and os_name == \"linux\"       | python_version == \"2.7\" and os_name == \"linux\"",
        "python_version == \"2.7\" or os_name == \"linux\"        | python_version == \"2.7\" or os_name == \"linux\"",
        "python_version == '2.7' and os_name == 'linux' or sys_platform == 'win32' | python_version == \"2.7\" and os_name == \"linux\" or sys_platform == \"win32\"",
        "(python_version == \"2.7\")                              | python_version == \"2.7\"",
        "((python_version == \"2.7\"))                            | python_version == \"2.7\"",
        "(python_version == '2.7' and sys_platform == 'win32')    | python_version == \"2.7\" and sys_platform == \"win32\"",
        "python_version == '2.7' and (sys_platform == 'win32' or sys_platform == 'linux') | python_version == \"2.7\" and (sys_platform == \"win32\" or sys_platform == \"linux\")",
    })
    void printsTheNormalisedFormAndEqualsItsReparse(String marker, String expected) {
        Marker parsed = Marker.parse(marker);

        assertThat(parsed).hasToString(expected);
        assertThat(parsed).isEqualTo(Marker.parse(marker)).isEqualTo(Marker.parse(expected));
        assertThat(parsed).hasSameHashCodeAs(Marker.parse(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "os.name == 'posix'                          | os_name == \"posix\"",
        "sys.platform == 'win32'                     | sys_platform == \"win32\"",
        "'8' in platform.version                     | \"8\" in platform_version",
        "'8' not in platform.version                 | \"8\" not in platform_version",
        "platform.machine=='x86_64'                  | platform_machine == \"x86_64\"",
        "platform.python_implementation=='Jython'    | platform_python_implementation == \"Jython\"",
        "python_implementation == ''                 | platform_python_implementation == \"\"",
    })
    void acceptsTheLegacySpellingsPypaAcceptsAndPrintsTheirPep508Names(String marker, String expected) {
        assertThat(Marker.parse(marker)).hasToString(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"platform.release == '1'", "platform.system == 'Linux'", "python.version == '3'",
        "os.platform == 'x'", "sys_version == '3'", "Python_Version == '3'"})
    void rejectsLegacySpellingsPypaRejects(String marker) {
        assertThatThrownBy(() -> Marker.parse(marker))
                .isInstanceOf(InvalidMarkerException.class)
                .hasMessageContaining("unknown marker variable");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "python_version == \"2.7\"                                    | python_version == \"3.7\"",
        "python_version == \"2.7\"                                    | python_version == \"2.7\" and os_name == \"linux\"",
        "python_version == \"2.7\"                                    | (python_version == \"2.7\" and os_name == \"linux\")",
        "python_version == \"2.7\" and (os_name == \"linux\" or sys_platform == \"win32\") | python_version == \"2.7\" and os_name == \"linux\" or sys_platform == \"win32\"",
        "python_version < \"3\"                                       | \"3\" > python_version",
    })
    void distinguishesMarkersThatMeanDifferentThings(String first, String second) {
        assertThat(Marker.parse(first)).isNotEqualTo(Marker.parse(second));
        assertThat(Marker.parse(first).hashCode()).isNotEqualTo(Marker.parse(second).hashCode());
    }

    @Test
    void bindsAndTighterThanOr() {
        Marker marker = Marker.parse("os_name == 'a' or os_name == 'b' and os_name == 'c'");

        assertThat(marker).isInstanceOf(Marker.Or.class);
        assertThat(((Marker.Or) marker).operands().get(1)).isInstanceOf(Marker.And.class);
    }

    @Test
    void flattensRedundantGroupsOfTheSameKind() {
        Marker grouped = Marker.parse("(python_version >= '3.6' and os_name == 'posix') and platform_system == 'Linux'");
        Marker combined = Marker.parse("python_version >= '3.6'").and(Marker.parse("os_name == 'posix'"))
                .and(Marker.parse("platform_system == 'Linux'"));

        assertThat(grouped).isEqualTo(combined);
        assertThat(grouped).hasToString("python_version >= \"3.6\" and os_name == \"posix\" and platform_system == \"Linux\"");
        assertThat(Marker.parse("(os_name == 'a' or os_name == 'b') or os_name == 'c'"))
                .hasToString("os_name == \"a\" or os_name == \"b\" or os_name == \"c\"");
    }

    @Test
    void combinesMarkersWithAndAndOrKeepingPrecedence() {
        Marker either = Marker.parse("python_version < '3.6'").or(Marker.parse("os_name == 'windows'"));

        assertThat(either).isEqualTo(Marker.parse("python_version < \"3.6\" or os_name == \"windows\""));
        assertThat(either.and(Marker.parse("extra == 'x'")))
                .hasToString("(python_version < \"3.6\" or os_name == \"windows\") and extra == \"x\"");
    }

    @Test
    void normalisesExtraNamesOnEitherSideAsPep685Says() {
        assertThat(Marker.parse("'S_P__A_M' == extra")).hasToString("\"s-p-a-m\" == extra");
        assertThat(Marker.parse("extra == 'S_P__A_M'")).hasToString("extra == \"s-p-a-m\"");
        assertThat(Marker.parse("(extra == \"Foo_Bar\" or extra == \"Baz\") and python_version >= \"3\""))
                .hasToString("(extra == \"foo-bar\" or extra == \"baz\") and python_version >= \"3\"");
        assertThat(Marker.parse("extra == 'Test_Ext'")).isEqualTo(Marker.parse("extra == \"test-ext\""));
    }

    @Test
    void leavesAVariableComparedWithExtraAlone() {
        assertThat(Marker.parse("extra == os_name")).hasToString("extra == os_name");
        assertThat(Marker.parse("os_name == extra")).hasToString("os_name == extra");
    }

    @Test
    void quotesAValueHoldingADoubleQuoteWithSingleQuotes() {
        Marker marker = Marker.parse("platform_version == 'say \"hi\"'");

        assertThat(marker).hasToString("platform_version == 'say \"hi\"'");
        assertThat(Marker.parse(marker.toString())).isEqualTo(marker);
    }

    @Test
    void parsesTheBriefsMixedExample() {
        Marker marker = Marker.parse("python_version >= \"3.8\" and (sys_platform == \"linux\" or extra == \"Test_Ext\")");

        assertThat(marker).hasToString("python_version >= \"3.8\" and (sys_platform == \"linux\" or extra == \"test-ext\")");
    }

    static Stream<Arguments> malformedMarkers() {
        return Stream.of(
                Arguments.of("this_isnt_a_real_variable >= '1.0'", "unknown marker variable 'this_isnt_a_real_variable'"),
                Arguments.of("python_version", "expected a marker operator"),
                Arguments.of("(python_version)", "expected a marker operator"),
                Arguments.of("python_version >= 1.0 and (python_version)", "unknown marker variable '1.0'"),
                Arguments.of("(python_version == \"2.7\" and os_name == \"linux\"", "expected ')' to close the '(' at column 1"),
                Arguments.of("(python_version == \"2.7\") with random text", "expected 'and', 'or' or the end of the marker"),
                Arguments.of("os_name == \"C:\\\"", "backslash escapes are not allowed"),
                Arguments.of("os_name == \"\\x\"", "backslash escapes are not allowed"),
                Arguments.of("'3.7' notin python_version", "expected a marker operator"),
                Arguments.of("'3.6'inpython_version", "expected a marker operator"),
                Arguments.of("'3.7' not python_version", "expected 'in' after 'not'"),
                Arguments.of("'3.7' ~ python_version", "expected a marker operator"),
                Arguments.of("os_name = 'x'", "expected a marker operator"),
                Arguments.of("os_name == 'x", "quoted string is not closed"),
                Arguments.of("os_name == \"x'", "quoted string is not closed"),
                Arguments.of("os_name == 'x' and", "expected a marker variable or a quoted string, found the end"),
                Arguments.of("os_name == 'x' or or os_name == 'y'", "unknown marker variable 'or'"),
                Arguments.of("and os_name == 'x'", "unknown marker variable 'and'"),
                Arguments.of("os_name == 'x' && os_name == 'y'", "unexpected character '&'"),
                Arguments.of("os_name == 'x')", "expected 'and', 'or' or the end of the marker, found ')'"),
                Arguments.of("()", "expected a marker variable or a quoted string, found ')'"),
                Arguments.of("os_name == 'a\nb'", "control character U+000A"),
                Arguments.of("os_name ==\n'a'", "unexpected character U+000A"),
                Arguments.of("os_name == == 'a'", "expected a marker variable or a quoted string, found '=='"),
                Arguments.of("os_name 'a'", "expected a marker operator"),
                Arguments.of("os_name == 'a' 'b'", "expected 'and', 'or' or the end"),
                Arguments.of("os_name in in 'a'", "unknown marker variable 'in'"),
                Arguments.of("python_version >= 3.8", "unknown marker variable '3.8'"),
                Arguments.of("extras == 'a'", "unknown marker variable 'extras'"),
                Arguments.of("os_name == ‘x’", "unexpected character '‘'"),
                Arguments.of("(".repeat(100) + "os_name == 'x'" + ")".repeat(100), "nested deeper than 64"));
    }

    @ParameterizedTest
    @MethodSource("malformedMarkers")
    void rejectsMalformedMarkersWithATypedExceptionSayingWhatIsWrong(String marker, String problem) {
        assertThatThrownBy(() -> Marker.parse(marker))
                .isInstanceOf(InvalidMarkerException.class)
                .isInstanceOf(PackagingException.class)
                .hasMessageContaining("invalid environment marker '" + marker + "'")
                .hasMessageContaining(problem)
                .hasMessageContaining("at column");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\t", "'", "\"", "(", ")", "((", "))", "==", "not", "in", "and", "or", "'a'", "'a' ==",
        "==='a'", "!", "~", "<", "python_version <", "<= python_version", "'a' < 'b' <", "\u0000", "\\",
        "python_version >= '3' ; os_name == 'x'", "python_version >= '3' # comment", "[", "{", "@", "os_name@'x'"})
    void rejectsGarbageWithATypedException(String marker) {
        assertThatThrownBy(() -> Marker.parse(marker)).isInstanceOf(InvalidMarkerException.class);
    }

    @Test
    void rejectsHugeNestingWithoutOverflowingTheStack() {
        String marker = "(".repeat(200_000);

        assertThatThrownBy(() -> Marker.parse(marker)).isInstanceOf(InvalidMarkerException.class);
    }

    @Test
    void rejectsAGroupOfFewerThanTwoOperands() {
        assertThatThrownBy(() -> new Marker.And(List.of(Marker.parse("os_name == 'x'"))))
                .isInstanceOf(InvalidMarkerException.class)
                .hasMessageContaining("at least two operands");
    }
}
