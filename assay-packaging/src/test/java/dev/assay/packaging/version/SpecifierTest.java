package dev.assay.packaging.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.packaging.PackagingException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SpecifierTest {
    static final List<String> REFERENCE = List.of(
            "~=2.0", "==2.1.*", "==2.1.0.3", "!=2.2.*", "!=2.2.0.5", "<=5", ">=7.9a1", "<1.0.dev1", ">2.0.post1");

    @Test
    void parsesTheReferenceSpecifiersAndKeepsThemDistinct() {
        List<Specifier> parsed = REFERENCE.stream().map(Specifier::parse).toList();
        for (int i = 0; i < parsed.size(); i++) {
            assertThat(parsed.get(i).toString()).isEqualTo(REFERENCE.get(i));
            for (int j = 0; j < parsed.size(); j++) {
                assertThat(parsed.get(i).equals(parsed.get(j))).isEqualTo(i == j);
            }
            assertThat(parsed.get(i)).hasSameHashCodeAs(Specifier.parse(REFERENCE.get(i)));
        }
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', value = {
        "~=2.0|~=|2.0", "==2.1.*|==|2.1.*", "==2.1.0.3|==|2.1.0.3", "!=2.2.*|!=|2.2.*", "<=5|<=|5",
        ">=7.9a1|>=|7.9a1", "<1.0.dev1|<|1.0.dev1", ">2.0.post1|>|2.0.post1", "===lolwat|===|lolwat",
        "< 2|<|2", "  >=  v1.0-ALPHA1  |>=|1.0a1", "== 01.02.*|==|1.2.*", "!=1.0+Ubuntu-1|!=|1.0+ubuntu.1",
        "~=2.2.post3|~=|2.2.post3", "===  1.0A1 |===|1.0A1", ">=1!2.0|>=|1!2.0",
    })
    void exposesOperatorAndNormalisedVersion(String text, String operator, String version) {
        Specifier specifier = Specifier.parse(text);
        assertThat(specifier.operator().symbol()).isEqualTo(operator);
        assertThat(specifier.version()).isEqualTo(version);
        assertThat(specifier.toString()).isEqualTo(operator + version);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "2.0", "=>2.0", "==", "~=1.0+5", ">=1.0+deadbeef", "<=1.0+abc123", ">1.0+watwat", "<1.0+1.0",
        "~=1.0.*", ">=1.0.*", "<=1.0.*", ">1.0.*", "<1.0.*", "==1.0.*+5", "!=1.0.*+deadbeef",
        "==2.0a1.*", "!=2.0a1.*", "==2.0.post1.*", "!=2.0.post1.*", "==2.0.dev1.*", "!=2.0.dev1.*",
        "==1.0+5.*", "!=1.0+deadbeef.*", "==1.0.*.5", "~=1", "==1.0.dev1.*", "!=1.0.dev1.*",
        "==1.2+\u0130", "==1.2+\u0130\u0131\u017fK", "", "   ", ">=", "===", "=== ", ">=lolwat", "==1.0 .*",
        "==1.*.*", "==*", "==.*", ">= 1.0 a1", "===a b", "===a;b", "===a)", "=1.0", "~1.0", "!1.0", "=<1.0",
        ">>1.0", "<>1.0", "==1.0,>=2", ">=99999999999999999999", "~=1!2", "=~1.0", "1.0>=", "~= 1.*",
    })
    void rejectsMalformedSpecifiersWithATypedExceptionNamingTheInput(String text) {
        assertThatThrownBy(() -> Specifier.parse(text))
                .isInstanceOf(InvalidSpecifierException.class)
                .isInstanceOf(PackagingException.class)
                .hasMessageContaining("'" + text + "'");
    }

    @Test
    void rejectsNullWithATypedException() {
        assertThatThrownBy(() -> Specifier.parse(null)).isInstanceOf(InvalidSpecifierException.class);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "=>2.0|did you mean >=?", "=<2.0|did you mean <=?", "=2.0|did you mean ==?", "~1.0|did you mean ~=?",
        "2.0|must start with one of", ">=1.0.*|only allowed with == and !=", "==2.0a1.*|may only follow release",
        "~=1|at least two release numbers", ">=1.0+local|only allowed with == and !=",
        "==1.0.*.5|final '.*'", ">=|has no version", ">=lolwat|not a valid PEP 440 version",
    })
    void explainsWhatToFix(String text, String hint) {
        assertThatThrownBy(() -> Specifier.parse(text)).hasMessageContaining(hint);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "1.0dev", "1.0.dev", "1.0-DEV1", "1.0a", "1.0.alpha1", "1.0-A1", "1.0b", "1.0-BETA1", "1.0c", "1.0.rc1",
        "1.0-RC", "1.0post", "1.0-POST1", "1.0-5", "1.01", "1.0a05", "1.0c056", "1.0.post000", "1.1.dev09000",
        "00!1.2", "0100!0.0", "v1.0", "  \r \f v1.0\t\n",
    })
    void acceptsEveryNormalisableVersionWithEachOperator(String version) {
        for (String operator : List.of("~=", "==", "!=", "<=", ">=", "<", ">")) {
            assertThat(Specifier.parse(operator + version).toString())
                    .isEqualTo(operator + Version.parse(version));
        }
        assertThat(Specifier.parse("==1.0+AbC").version()).isEqualTo("1.0+abc");
    }

    @Test
    void comparesClausesByMeaning() {
        assertThat(Specifier.parse("==2.8.0")).isEqualTo(Specifier.parse("==2.8"))
                .hasSameHashCodeAs(Specifier.parse("==2.8"));
        assertThat(Specifier.parse("~=1.18.0")).isNotEqualTo(Specifier.parse("~=1.18"));
        assertThat(Specifier.parse("==1.0")).isNotEqualTo(Specifier.parse("~=1.0"));
        assertThat(Specifier.parse("==1.0+a")).isNotEqualTo(Specifier.parse("==1.0"));
        assertThat(Specifier.parse("===Foo")).isEqualTo(Specifier.parse("===foo"));
    }

    @ParameterizedTest(name = "{0} implies pre-releases: {1}")
    @CsvSource({
        "==1.0, false", ">=1.0, false", "<=1.0, false", "~=1.0, false", "<1.0, false", ">1.0, false",
        "<1.0.dev1, true", ">1.0.dev1, true", "!=1.0.dev1, false", "==1.0.*, false", "==1.0.dev1, true",
        ">=1.0.dev1, true", "<=1.0.dev1, true", "~=1.0.dev1, true", "===1.0a1, true", "===lolwat, false",
    })
    void detectsClausesThatNamePrereleases(String text, boolean implied) {
        assertThat(Specifier.parse(text).impliesPrereleases()).isEqualTo(implied);
    }

    @ParameterizedTest(name = "{0} in {1}: {2}")
    @CsvSource({
        // under the default rule a pre-release matches only when the clause names one
        ">=1.0, 2.0.dev1, false", ">=2.0.dev1, 2.0a1, true", "==2.0.*, 2.0a1.dev1, false", "<=2.0, 1.0.dev1, false",
        "<=2.0.dev1, 1.0a1, true", "<2.0a2, 2.0a1, true", "<2.0, 2.0a1, false", "!=2.0a1, 1.0a2, false",
        "~=2.0a1, 2.0a1, true", ">2.0a1, 3.0a2, true", "<1.0.dev1, 0.9.dev1, true", ">=1.0, 1.0, true",
    })
    void appliesTheDefaultPrereleaseRule(String spec, String version, boolean expected) {
        assertThat(Specifier.parse(spec).contains(Version.parse(version))).isEqualTo(expected);
        assertThat(Specifier.parse(spec).contains(version)).isEqualTo(expected);
    }

    @Test
    void honoursAnExplicitPrereleaseDecision() {
        Specifier atLeastOne = Specifier.parse(">=1.0");
        assertThat(atLeastOne.contains(Version.parse("2.0.dev1"), true)).isTrue();
        assertThat(atLeastOne.contains("2.0.dev1", true)).isTrue();
        Specifier namesPrerelease = Specifier.parse(">=1.0.dev1");
        assertThat(namesPrerelease.contains(Version.parse("1.0.0.dev1"), false)).isFalse();
        assertThat(namesPrerelease.contains(Version.parse("1.0"), false)).isTrue();
    }

    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @ValueSource(strings = {"==1.0", "==1.*", ">=1.0", ">1.0", "<=1.0", "<1.0", "~=1.0", "!=1.0", "!=1.*"})
    void neverMatchesAStringThatIsNotAVersion(String spec) {
        assertThat(Specifier.parse(spec).contains("not a valid version", true)).isFalse();
        assertThat(Specifier.parse(spec).contains((String) null)).isFalse();
    }
}
