package dev.assay.packaging.requirement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.packaging.PackagingException;
import dev.assay.packaging.name.ProjectName;
import dev.assay.packaging.version.InvalidSpecifierException;
import dev.assay.packaging.version.SpecifierSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class RequirementTest {

    private static final List<String> NAMES =
            List.of("package", "pAcKaGe", "Package", "foo-bar.quux_bAz", "installer", "android12");
    private static final List<List<String>> EXTRAS = List.of(List.of(), List.of("a"), List.of("a", "b"),
            List.of("B", "CDEF123", "a"));
    private static final List<String[]> URLS_AND_SPECIFIERS = List.of(
            new String[] {null, ""},
            new String[] {"https://example.com/packagename.zip", ""},
            new String[] {"ssh://user:pass%20word@example.com/packagename.zip", ""},
            new String[] {"https://example.com/name;v=1.1/?query=foo&bar=baz#blah", ""},
            new String[] {"git+ssh://git.example.com/MyProject", ""},
            new String[] {"git+ssh://git@github.com:pypa/packaging.git", ""},
            new String[] {"git+https://git.example.com/MyProject.git@master", ""},
            new String[] {"git+https://git.example.com/MyProject.git@v1.0", ""},
            new String[] {"git+https://git.example.com/MyProject.git@refs/pull/123/head", ""},
            new String[] {null, "==={ws}arbitrarystring"},
            new String[] {null, "({ws}==={ws}arbitrarystring{ws})"},
            new String[] {null, "=={ws}1.0"},
            new String[] {null, "({ws}=={ws}1.0{ws})"},
            new String[] {null, "=={ws}1.0-alpha"},
            new String[] {null, "<={ws}1!3.0.0.rc2"},
            new String[] {null, ">{ws}2.2{ws},{ws}<{ws}3"},
            new String[] {null, "(>{ws}2.2{ws},{ws}<{ws}3)"});
    private static final List<String> MARKERS = List.of("", "python_version{ws}>={ws}'3.3'",
            "({ws}python_version{ws}>={ws}\"3.4\"{ws}){ws}and extra{ws}=={ws}\"oursql\"",
            "sys_platform{ws}!={ws}'linux' and(os_name{ws}=={ws}'linux' or python_version{ws}>={ws}'3.3'{ws}){ws}");
    private static final List<String> WHITESPACE = List.of("", " ", "\t");

    static Stream<Arguments> pypaRequirementMatrix() {
        List<Arguments> cases = new ArrayList<>();
        for (String name : NAMES) {
            for (List<String> extras : EXTRAS) {
                for (String[] urlAndSpecifier : URLS_AND_SPECIFIERS) {
                    for (String marker : MARKERS) {
                        for (String ws : WHITESPACE) {
                            cases.add(Arguments.of(name, extras, urlAndSpecifier[0], urlAndSpecifier[1], marker, ws));
                        }
                    }
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest
    @MethodSource("pypaRequirementMatrix")
    void parsesEveryCombinationOfPartsAndWhitespace(
            String name, List<String> extras, String url, String specifier, String marker, String ws) {
        List<String> parts = new ArrayList<>(List.of(name));
        if (!extras.isEmpty()) {
            parts.addAll(List.of("[", String.join(ws + "," + ws, extras), "]"));
        }
        if (!specifier.isEmpty()) {
            parts.add(specifier.replace("{ws}", ws));
        }
        if (url != null) {
            parts.addAll(List.of("@", url));
        }
        if (!marker.isEmpty()) {
            parts.addAll(List.of(url != null ? " ;" : ";", marker.replace("{ws}", ws)));
        }

        Requirement requirement = Requirement.parse(String.join(ws, parts));

        assertThat(requirement.name().display()).isEqualTo(name);
        assertThat(requirement.extras()).containsExactlyElementsOf(
                new TreeSet<>(extras.stream().map(e -> e.toLowerCase(Locale.ROOT)).toList()));
        assertThat(requirement.url()).isEqualTo(Optional.ofNullable(url));
        assertThat(requirement.specifier()).isEqualTo(SpecifierSet.parse(specifier.replace("{ws}", "").replaceAll("[()]", "")));
        assertThat(requirement.marker()).isEqualTo(
                marker.isEmpty() ? Optional.empty() : Optional.of(Marker.parse(marker.replace("{ws}", ""))));
        assertThat(Requirement.parse(requirement.toString())).isEqualTo(requirement);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "name[bar]>=3; python_version == \"2.7\"                  | name[bar]>=3; python_version == \"2.7\"",
        "name@ http://foo.com                                    | name @ http://foo.com",
        "name@ http://foo.com ; extra == \"feature\"             | name @ http://foo.com ; extra == \"feature\"",
        "name                                                    | name",
        "Name [ B , a ] ( >= 1.0 , < 2 ) ; os_name=='posix'      | Name[a,b]>=1.0,<2; os_name == \"posix\"",
        "name[a1,b1,b2]!=2.0;'3.' not in python_version          | name[a1,b1,b2]!=2.0; \"3.\" not in python_version",
        "name[a,b]==2.*                                          | name[a,b]==2.*",
        "name[a]@ https://url ; python_version == '3.11'         | name[a] @ https://url ; python_version == \"3.11\"",
        "name (==4)                                              | name==4",
        "name >= 1.0-alpha1                                      | name>=1.0a1",
        "foo[Test_Ext] ; extra == 'Test_Ext'                     | foo[test-ext]; extra == \"test-ext\"",
    })
    void printsTheCanonicalForm(String requirement, String expected) {
        assertThat(Requirement.parse(requirement)).hasToString(expected);
        assertThat(Requirement.parse(expected)).isEqualTo(Requirement.parse(requirement));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "packaging>20.1                                               | packaging>20.1",
        "requests[security, tests]>=2.8.1,==2.8.*;python_version<\"2.7\" | requests [security,tests] >= 2.8.1, == 2.8.* ; python_version < \"2.7\"",
        "importlib-metadata; python_version<\"3.8\"                  | importlib-metadata; python_version<'3.8'",
        "appdirs>=1.4.4,<2; os_name==\"posix\" and extra==\"testing\"   | appdirs>=1.4.4,<2; os_name == 'posix' and extra == 'testing'",
        "Foo.Bar>=1                                                   | foo_bar>=1",
        "name[A,b]                                                    | name[b,a]",
    })
    void equalsTheSameRequirementSpelledDifferently(String first, String second) {
        assertThat(Requirement.parse(first)).isEqualTo(Requirement.parse(second));
        assertThat(Requirement.parse(first)).hasSameHashCodeAs(Requirement.parse(second));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "package_one                                                  | package_two",
        "packaging>20.1                                               | packaging>=20.1",
        "packaging>20.1                                               | packaging>21.1",
        "packaging>20.1                                               | package>20.1",
        "requests[security,tests]>=2.8.1,==2.8.*;python_version<\"2.7\" | requests [security,tests] >= 2.8.1 ; python_version < \"2.7\"",
        "importlib-metadata; python_version<\"3.8\"                  | importlib-metadata; python_version<'3.7'",
        "appdirs>=1.4.4,<2; os_name==\"posix\" and extra==\"testing\"   | appdirs>=1.4.4,<2; os_name == 'posix' and extra == 'docs'",
        "name @ https://a.example/x.zip                               | name @ https://b.example/x.zip",
        "name[a]                                                      | name",
    })
    void differsFromARequirementThatMeansSomethingElse(String first, String second) {
        assertThat(Requirement.parse(first)).isNotEqualTo(Requirement.parse(second));
        assertThat(Requirement.parse(first).hashCode()).isNotEqualTo(Requirement.parse(second).hashCode());
    }

    @Test
    void givesTheNormalizedNameForLookups() {
        assertThat(Requirement.parse("Django_REST.framework>=3").normalizedName()).isEqualTo("django-rest-framework");
        assertThat(Requirement.parse("Django_REST.framework>=3").name()).isEqualTo(ProjectName.of("django-rest-framework"));
    }

    @Test
    void exposesTheVersionSpecifierForMatching() {
        Requirement requirement = Requirement.parse("name >=2, <3");

        assertThat(requirement.specifier().contains("2.5")).isTrue();
        assertThat(requirement.specifier().contains("3.0")).isFalse();
        assertThat(Requirement.parse("name").specifier().isEmpty()).isTrue();
        assertThat(Requirement.parse("name @ https://x.org/n.zip").specifier().isEmpty()).isTrue();
    }

    @Test
    void appliesWhereItsMarkerHoldsAndAlwaysWithoutOne() {
        MarkerEnvironment linux = MarkerEnvironment.cpython("3.12.4", "linux", "x86_64");
        MarkerEnvironment windows = MarkerEnvironment.cpython("3.12.4", "win32", "AMD64");

        assertThat(Requirement.parse("requests").appliesTo(linux)).isTrue();
        assertThat(Requirement.parse("something>=1.2.3; sys_platform == 'linux'").appliesTo(linux)).isTrue();
        assertThat(Requirement.parse("something>=1.2.3; sys_platform == 'linux'").appliesTo(windows)).isFalse();
        assertThat(Requirement.parse("aviato>=1.2.3; 'lin' in sys_platform").appliesTo(linux)).isTrue();
        assertThat(Requirement.parse("pytest; extra == 'Test_Ext'").appliesTo(linux)).isFalse();
        assertThat(Requirement.parse("pytest; extra == 'Test_Ext'").appliesTo(linux.withExtra("test-ext"))).isTrue();
        assertThat(Requirement.parse("argparse;python_version<\"2.7\"").appliesTo(linux)).isFalse();
    }

    static Stream<Arguments> badSpecifiers() {
        return Stream.of(
                Arguments.of("name==1.0.org1"),
                Arguments.of("name>=1.x.y;python_version=='2.6'"),
                Arguments.of("black (>=20.*) ; extra == 'format'"),
                Arguments.of("name~=1"),
                Arguments.of("name<=1.0+local"),
                Arguments.of("name==1.0.*.*"),
                Arguments.of("name>=1,<2.x"),
                Arguments.of("name>=1@2"));
    }

    @ParameterizedTest
    @MethodSource("badSpecifiers")
    void rejectsVersionSpecifiersPep440RejectsNamingTheRequirement(String requirement) {
        assertThatThrownBy(() -> Requirement.parse(requirement))
                .isInstanceOf(InvalidRequirementException.class)
                .isInstanceOf(PackagingException.class)
                .hasMessageStartingWith("invalid requirement '" + requirement + "': ")
                .hasCauseInstanceOf(InvalidSpecifierException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "foo!", "name[bar baz]", "name @ gopher:/foo/com", "name; foobar=='x'", "toto 42",
        "name @ https://example.com/; extra == 'example'", "name==", "\u0000", "name;", "(", "name ("})
    void rejectsMalformedRequirementsWithATypedException(String requirement) {
        assertThatThrownBy(() -> Requirement.parse(requirement)).isInstanceOf(InvalidRequirementException.class);
    }

    @Test
    void rejectsANullRequirement() {
        assertThatThrownBy(() -> Requirement.parse(null))
                .isInstanceOf(InvalidRequirementException.class)
                .hasMessageContaining("missing");
    }

    @Test
    void refusesToBuildARequirementWithBothASpecifierAndAUrl() {
        assertThatThrownBy(() -> new Requirement(ProjectName.of("name"), new TreeSet<>(), SpecifierSet.parse(">=1"),
                Optional.of("https://x.org/a.zip"), Optional.empty()))
                .isInstanceOf(InvalidRequirementException.class)
                .hasMessageContaining("'>=1'")
                .hasMessageContaining("one or the other");
    }

    @Test
    void checksExtrasAndUrlWhenBuiltDirectly() {
        TreeSet<String> badExtras = new TreeSet<>(List.of("ok", "-bad"));
        assertThatThrownBy(() -> new Requirement(ProjectName.of("name"), badExtras, SpecifierSet.empty(),
                Optional.empty(), Optional.empty()))
                .isInstanceOf(InvalidRequirementException.class)
                .hasMessageContaining("'-bad'");
        assertThatThrownBy(() -> new Requirement(ProjectName.of("name"), new TreeSet<>(), SpecifierSet.empty(),
                Optional.of("not a url"), Optional.empty()))
                .isInstanceOf(InvalidRequirementException.class)
                .hasMessageContaining("'not a url'");
        Requirement built = new Requirement(ProjectName.of("Name"), new TreeSet<>(List.of("Foo_Bar")),
                SpecifierSet.empty(), Optional.empty(), Optional.empty());
        assertThat(built.extras()).containsExactly("foo-bar");
        assertThat(built).isEqualTo(Requirement.parse("name[foo.bar]"));
    }
}
