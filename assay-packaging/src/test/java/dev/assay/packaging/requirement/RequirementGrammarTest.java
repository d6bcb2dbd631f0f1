package dev.assay.packaging.requirement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.packaging.PackagingException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** The requirement grammar itself: how text splits into name, extras, specifier clauses, URL and marker. */
class RequirementGrammarTest {

    private static ParsedRequirement parse(String requirement) {
        return RequirementParser.parse(requirement);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "name>=3                       | >=3",
        "name (==4)                    | ==4",
        "name>=3,<2                    | >=3,<2",
        "name >=2, <3                  | >=2,<3",
        "name\t>=\t2\t,\t<\t3          | >=2,<3",
        "name (>= 2.2 , < 3 )          | >=2.2,<3",
        "name===arbitrarystring        | ===arbitrarystring",
        "name ( === arbitrarystring )  | ===arbitrarystring",
        "name<=1!3.0.0.rc2             | <=1!3.0.0.rc2",
        "name==1.0-alpha               | ==1.0-alpha",
        "name>=1,                      | >=1",
        "name()                        | ``",
        "name                          | ``",
        "name==2.8.*                   | ==2.8.*",
        "name~=1.4.5                   | ~=1.4.5",
        "name!=1.0+local.7             | !=1.0+local.7",
    })
    void splitsTheVersionSpecifierIntoClauses(String requirement, String specifier) {
        assertThat(parse(requirement).specifier()).isEqualTo(specifier);
    }

    @Test
    void readsEveryPartOfTheSpecExample() {
        ParsedRequirement parsed = parse("requests [security,tests] >= 2.8.1, == 2.8.* ; python_version < \"2.7\"");

        assertThat(parsed.name().display()).isEqualTo("requests");
        assertThat(parsed.extras()).containsExactly("security", "tests");
        assertThat(parsed.specifier()).isEqualTo(">=2.8.1,==2.8.*");
        assertThat(parsed.url()).isNull();
        assertThat(parsed.marker()).isEqualTo(Marker.parse("python_version < '2.7'"));
    }

    @Test
    void readsTheSpecUrlExample() {
        ParsedRequirement parsed = parse(
                "pip @ https://github.com/pypa/pip/archive/1.3.1.zip#sha1=da9234ee9982d4bbb3c72346a6de940a148ea686");

        assertThat(parsed.name().display()).isEqualTo("pip");
        assertThat(parsed.url()).isEqualTo(
                "https://github.com/pypa/pip/archive/1.3.1.zip#sha1=da9234ee9982d4bbb3c72346a6de940a148ea686");
        assertThat(parsed.specifier()).isEmpty();
        assertThat(parsed.marker()).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "foobar [quux,bar]         | bar,quux",
        "foo[]                     | ``",
        "foo[ ]                    | ``",
        "name[quux, strange]       | quux,strange",
        "name[ a , B , CDEF123 ]   | a,b,cdef123",
        "name[Foo_Bar,foo.bar]     | foo-bar",
        "name[\ta\t,\tb\t]         | a,b",
    })
    void readsExtrasAsASortedSetOfNormalisedNames(String requirement, String extras) {
        assertThat(String.join(",", parse(requirement).extras())).isEqualTo(extras);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "https://example.com/packagename.zip",
        "ssh://user:pass%20word@example.com/packagename.zip",
        "https://example.com/name;v=1.1/?query=foo&bar=baz#blah",
        "git+ssh://git.example.com/MyProject",
        "git+ssh://git@github.com:pypa/packaging.git",
        "git+https://git.example.com/MyProject.git@master",
        "git+https://git.example.com/MyProject.git@v1.0",
        "git+https://git.example.com/MyProject.git@refs/pull/123/head",
        "file:///absolute/path",
        "file://.",
    })
    void readsDirectUrlsWithOrWithoutAMarker(String url) {
        assertThat(parse("name @ " + url).url()).isEqualTo(url);
        assertThat(parse("name@" + url).url()).isEqualTo(url);
        ParsedRequirement withMarker = parse("name [fred,bar] @ " + url + " ; python_version=='2.7'");
        assertThat(withMarker.url()).isEqualTo(url);
        assertThat(withMarker.extras()).containsExactly("bar", "fred");
        assertThat(withMarker.marker()).hasToString("python_version == \"2.7\"");
        assertThat(parse("name @ " + url + "\t;os_name=='a'").marker()).hasToString("os_name == \"a\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "name; os_name=='a'",
        "name;os_name=='a'",
        "name ; os_name=='a'   ",
        "name>=1;os_name=='a'",
        "name (>=1) ;os_name=='a'",
        "name[x];os_name=='a'",
        "   name   ;   os_name  ==  'a'   ",
    })
    void readsTheMarkerAfterTheSemicolon(String requirement) {
        assertThat(parse(requirement).marker()).isEqualTo(Marker.parse("os_name == \"a\""));
    }

    @Test
    void readsCompoundMarkers() {
        assertThat(parse("name[quux, strange];python_version<'2.7' and platform_version=='2'").marker())
                .hasToString("python_version < \"2.7\" and platform_version == \"2\"");
        assertThat(parse("name; os_name=='a' and os_name=='b' or os_name=='c'").marker())
                .hasToString("os_name == \"a\" and os_name == \"b\" or os_name == \"c\"");
        assertThat(parse("name; sys_platform != 'linux' and(os_name == 'linux' or python_version >= '3.3')").marker())
                .hasToString("sys_platform != \"linux\" and (os_name == \"linux\" or python_version >= \"3.3\")");
    }

    @ParameterizedTest
    @ValueSource(strings = {"A", "aa", "name", "foo-bar.quux_baz", "pAcKaGe", "android12", "installer"})
    void keepsTheNameAsWritten(String name) {
        assertThat(parse(name).name().display()).isEqualTo(name);
    }

    static Stream<Arguments> malformedRequirements() {
        return Stream.of(
                Arguments.of("", "expected a project name at the start, found the end"),
                Arguments.of("==0.0", "expected a project name at the start"),
                Arguments.of("foo!", "expected a version operator"),
                Arguments.of("-foo", "invalid project name '-foo'"),
                Arguments.of("foo-", "invalid project name 'foo-'"),
                Arguments.of("_foo>=1", "invalid project name '_foo'"),
                Arguments.of("foo_ >=1", "invalid project name 'foo_'"),
                Arguments.of("name[bar baz]", "expected ',' between extra names"),
                Arguments.of("name[bar, baz,]", "expected an extra name, found ']'"),
                Arguments.of("name[,bar]", "expected an extra name, found ','"),
                Arguments.of("name[bar-]", "invalid extra name 'bar-'"),
                Arguments.of("name (>= 1.0", "expected ')' to close the version specifier opened at column 6"),
                Arguments.of("name[bar, baz >= 1.0", "expected ']' to close the extras opened at column 5"),
                Arguments.of("name[bar, baz", "expected ']' to close the extras opened at column 5, found the end"),
                Arguments.of("name @ https://example.com/; extra == 'example'", "put whitespace between the URL and ';'"),
                Arguments.of("name; (extra == 'example'", "expected ')' to close the '('"),
                Arguments.of("name @ ", "expected a URL after '@'"),
                Arguments.of("name @", "expected a URL after '@'"),
                Arguments.of("name; invalid_name", "unknown marker variable 'invalid_name'"),
                Arguments.of("name; '3.7' <= invalid_name", "unknown marker variable 'invalid_name'"),
                Arguments.of("name; '3.7' notin python_version", "expected a marker operator"),
                Arguments.of("name; '3.6'inpython_version", "expected a marker operator"),
                Arguments.of("name; '3.7' not python_version", "expected 'in' after 'not'"),
                Arguments.of("name; '3.7' ~ python_version", "expected a marker operator"),
                Arguments.of("name; foobar=='x'", "unknown marker variable 'foobar'"),
                Arguments.of("name;", "expected a marker variable or a quoted string, found the end"),
                Arguments.of("name @ gopher:/foo/com", "invalid URL 'gopher:/foo/com'"),
                Arguments.of("name @ file:.", "invalid URL 'file:.'"),
                Arguments.of("name @ file:/.", "invalid URL 'file:/.'"),
                Arguments.of("name @ https:///path", "the host after 'https://' is missing"),
                Arguments.of("name @ ./local/dir", "needs an absolute URL with a scheme"),
                Arguments.of("name @ /abs/path", "needs an absolute URL with a scheme"),
                Arguments.of("name==", "expected a version after '==', found the end"),
                Arguments.of("name 1.0", "expected ';' or the end of the requirement after the name"),
                Arguments.of("toto 42", "expected ';' or the end of the requirement after the name"),
                Arguments.of("name >= 1.0 #", "expected ';' or the end of the requirement after the version specifier"),
                Arguments.of("name >=1.0 <2.0", "separate clauses with ','"),
                Arguments.of("name>=1 @ https://x.org/a", "expected ';' or the end"),
                Arguments.of("name @ https://x.org/a >=1", "expected ';' or the end of the requirement after the URL"),
                Arguments.of("name=1.0", "expected a version operator"),
                Arguments.of("name\n>=1", "control character U+000A"),
                Arguments.of("name>=1\r", "control character U+000D"),
                Arguments.of("na me", "expected ';' or the end"),
                Arguments.of("name ((>=1))", "expected ')' to close the version specifier"),
                Arguments.of("name[a]]", "expected ';' or the end"),
                Arguments.of("name[[a]]", "expected an extra name, found '['"),
                Arguments.of("nàme", "expected ';' or the end"),
                Arguments.of("name>= ,<2", "expected a version after '>='"));
    }

    @ParameterizedTest
    @MethodSource("malformedRequirements")
    void rejectsMalformedRequirementsWithATypedExceptionSayingWhatIsWrong(String requirement, String problem) {
        assertThatThrownBy(() -> parse(requirement))
                .isInstanceOf(InvalidRequirementException.class)
                .isInstanceOf(PackagingException.class)
                .hasMessageContaining("invalid requirement '" + requirement + "'")
                .hasMessageContaining(problem)
                .hasMessageContaining("at column");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\t", "[", "]", "(", ")", ";", "@", ",", "name[", "name(", "name@", "name;;",
        "name ; ; os_name == 'a'", "name[a,,b]", "name>=", "name>=1,,<2", "name (>=1))", "\u0000", "name\u0000",
        "name @ \u00e9", "name @ :", "name @ 1http://x", "'name'", "\"name\"", "name;os_name", "name; os_name == 'a' junk"})
    void rejectsGarbageWithATypedException(String requirement) {
        assertThatThrownBy(() -> parse(requirement)).isInstanceOf(InvalidRequirementException.class);
    }
}
