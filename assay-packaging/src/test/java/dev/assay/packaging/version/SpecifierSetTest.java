package dev.assay.packaging.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.packaging.PackagingException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SpecifierSetTest {

    @ParameterizedTest(name = "[{0}] has {1} clauses")
    @CsvSource(delimiter = '|', value = {
        "''|0", "==2.0|1", ">=2.0|1", ">=2.0,<3|2", ">=2.0,<3,==2.4|3", " >= 2.0 , < 3 |2", ">=1.0,|1", ",,|0",
    })
    void splitsOnCommasToleratingWhitespaceAndEmptyClauses(String text, int clauses) {
        SpecifierSet set = SpecifierSet.parse(text);
        assertThat(set.specifiers()).hasSize(clauses);
        assertThat(set.isEmpty()).isEqualTo(clauses == 0);
    }

    @Test
    void printsTheNormalisedClausesInTheOrderWritten() {
        assertThat(SpecifierSet.parse(" >= 1.0-ALPHA1 ,\t!= 1.3.* , < 2 ").toString()).isEqualTo(">=1.0a1,!=1.3.*,<2");
        assertThat(SpecifierSet.parse("").toString()).isEmpty();
        assertThat(SpecifierSet.parse(">=1.0,<2").specifiers())
                .containsExactly(Specifier.parse(">=1.0"), Specifier.parse("<2"));
    }

    @Test
    void comparesSetsIgnoringClauseOrder() {
        assertThat(SpecifierSet.parse(">=1.0,<2")).isEqualTo(SpecifierSet.parse("<2, >=1.0.0"))
                .hasSameHashCodeAs(SpecifierSet.parse("<2, >=1.0.0"));
        assertThat(SpecifierSet.parse(">=1.0")).isNotEqualTo(SpecifierSet.parse(">=1.0").withPrereleases(true));
        assertThat(SpecifierSet.of(List.of(Specifier.parse(">=1.0")))).isEqualTo(SpecifierSet.parse(">=1.0"));
    }

    @ParameterizedTest
    @ValueSource(strings = {">=1.0,lolwat", ">=1.0;<2", ">=1.0 <2", "1.0", ">=1.0,=>2", "==1.*,~=1"})
    void rejectsAnyMalformedClauseNamingIt(String text) {
        assertThatThrownBy(() -> SpecifierSet.parse(text))
                .isInstanceOf(InvalidSpecifierException.class)
                .isInstanceOf(PackagingException.class)
                .hasMessageContaining("Invalid specifier");
        assertThatThrownBy(() -> SpecifierSet.parse(null)).isInstanceOf(InvalidSpecifierException.class);
    }

    static List<String> referenceVersions() {
        return VersionOrderingTest.SORTED;
    }

    @ParameterizedTest
    @MethodSource("referenceVersions")
    void emptySetContainsEveryFinalVersionAndPrereleasesWhenAllowed(String text) {
        Version version = Version.parse(text);
        SpecifierSet empty = SpecifierSet.parse("");
        assertThat(empty.contains(version, true)).isTrue();
        assertThat(empty.withPrereleases(true).contains(version)).isTrue();
        assertThat(empty.contains(version)).isEqualTo(!version.isPrerelease());
    }

    @ParameterizedTest(name = "[{0}] contains {1}: {2}")
    @CsvSource(delimiter = '|', value = {
        // pre-releases are excluded unless some clause names one
        "~=1.0|1.1.0.dev1|false", "~=1.0|1.1.0|true", ">=1.0|2.0.dev1|false", "==1.*|1.5.0a1|false",
        ">=1.0,<3.0|2.0.dev1|false", "!=2.0|2.0.dev1|false", ">=1.0|1.0.0.dev1|false", "<=1.0|1.0.0.dev1|false",
        "<1.0|0.9.0.dev1|false", ">=1.0.dev1|1.0.0.dev1|true", ">=1.0a1|1.0a1|true", "<1.0.dev1|0.9.dev0|true",
        ">=1.0,<=2.0dev|1.5a1|true", ">=1.0,<2.0|1.5a1|false", ">=2.0.dev1|2.0a1|true",
        // the brief's named cases
        "==1.*|1.0+local|true", "==1.0|1.0+local|true", "==1.0+local|1.0+local|true", "==1.0+local|1.0+other|false",
        "==1.0+local|1.0|false", "~=2.2.post3|2.3|true", "~=2.2.post3|2.2|false", ">1!1.0|2.0|false",
        ">=2.0|1!2.0|true", ">=1.0,!=1.3.*,<2|1.3.4|false", ">=1.0,!=1.3.*,<2|1.4|true", "''|1.0|true",
        "<2.0a2|2.0a1|true", "<2.0|2.0a1|false", ">2.0a1|3.0a2|true", "<2|1.9|true",
    })
    void appliesEveryClauseAndTheDefaultPrereleaseRule(String text, String version, boolean expected) {
        SpecifierSet set = SpecifierSet.parse(text);
        assertThat(set.contains(Version.parse(version))).isEqualTo(expected);
        assertThat(set.contains(version)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{0}] override {1}, call {2}: {3} -> {4}")
    @CsvSource(delimiter = '|', value = {
        "~=1.0|false|false|1.1.0.dev1|false", "~=1.0|true|false|1.1.0.dev1|false", "~=1.0|none|true|1.1.0.dev1|true",
        "~=1.0|false|true|1.1.0.dev1|true", "~=1.0|true|none|1.1.0.dev1|true", "~=1.0|false|none|1.1.0.dev1|false",
        "~=1.0|none|true|3.0.0.dev1|false", ">=2.0|true|none|1.9.0.dev1|false", ">=1.0.dev1|false|none|1.0.0.dev1|false",
        ">=1.0.dev1|none|false|1.0.0.dev1|false", "==1.0.0.dev1|false|false|1.0.0.dev1|false",
        "''|true|none|1.0.dev1|true", "''|false|none|1.0.dev1|false", "''|true|false|1.0.dev1|false",
        ">=1.0,<2.0|true|none|1.5a1|true", ">=1.0,<2.0|none|true|1.5b1|true", ">=1.0,<2.0|true|false|1.5rc1|false",
        "~=1.0|false|false|1.1.0|true",
    })
    void honoursExplicitPrereleaseDecisions(String text, String override, String call, String version,
            boolean expected) {
        SpecifierSet set = SpecifierSet.parse(text);
        if (!override.equals("none")) {
            set = set.withPrereleases(Boolean.parseBoolean(override));
        }
        Version candidate = Version.parse(version);
        boolean contained = call.equals("none")
                ? set.contains(candidate)
                : set.contains(candidate, Boolean.parseBoolean(call));
        assertThat(contained).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{0}] override {1}, call {2}: {3} -> {4}")
    @CsvSource(delimiter = '|', value = {
        "''|none|none|1.0 2.0a1|1.0", ">=1.0.dev1|none|none|1.0 2.0a1|1.0 2.0a1", "''|none|none|1.0a1|1.0a1",
        ">=1.2.3|none|none|1.2 1.5a1|1.5a1", ">=1.2.3|none|none|1.3 1.5a1|1.3", ">=1.0|none|none|2.0a1|2.0a1",
        "!=2.0a1|none|none|1.0a2 1.0 2.0a1|1.0", "==2.0a1|none|none|2.0a1|2.0a1",
        ">2.0a1|none|none|2.0a1 3.0a2 3.0|3.0a2 3.0", "<2.0a1|none|none|1.0a2 1.0 2.0a1|1.0a2 1.0",
        "~=2.0a1|none|none|1.0 2.0a1 3.0a2 3.0|2.0a1", "''|none|false|1.0a1|", ">=1.0.dev1|none|false|1.0 2.0a1|1.0",
        "''|none|true|1.0 2.0a1|1.0 2.0a1", "''|true|none|1.0 2.0a1|1.0 2.0a1", "''|false|none|1.0 2.0a1|1.0",
        ">=1.0.dev1|true|none|1.0 2.0a1|1.0 2.0a1", ">=1.0.dev1|false|none|1.0 2.0a1|1.0", "''|true|none|1.0a1|1.0a1",
        "''|false|none|1.0a1|", ">=1.0|true|false|1.0 2.0a1|1.0", ">=1.0|false|true|1.0 2.0a1|1.0 2.0a1",
        ">=1.0,<=2.0|none|none|1.0 1.5a1|1.0", ">=1.0,<=2.0dev|none|none|1.0 1.5a1|1.0 1.5a1",
        ">=1.0,<=2.0|true|none|1.0 1.5a1|1.0 1.5a1", ">=1.0,<=2.0dev|false|none|1.0 1.5a1|1.0",
        ">=1.0,<=2.0|none|true|1.0 1.5a1|1.0 1.5a1", "===1.0|none|none|1.0 1.0.0 2.0|1.0",
        "===1.0|none|none|1.0 1.0+downstream1|1.0", ">=1.0,===1.5|none|none|1.0 1.5 2.0|1.5",
        ">=2.0,===1.5|none|none|1.0 1.5 2.0|", "==1.*,>=1.0|none|none|0.9 1.0 1.5 2.0|1.0 1.5",
        "<2|none|none|2.0a1 2.0b1|", ">=1.0,!=2.0|none|none|1.0 2.0 3.0|1.0 3.0",
    })
    void filtersKeepingPrereleasesOnlyWhenNoFinalReleaseMatches(String text, String override, String call,
            String input, String expected) {
        SpecifierSet set = SpecifierSet.parse(text);
        if (!override.equals("none")) {
            set = set.withPrereleases(Boolean.parseBoolean(override));
        }
        List<Version> versions = versions(input);
        List<Version> filtered = call.equals("none")
                ? set.filter(versions)
                : set.filter(versions, v -> v, Boolean.parseBoolean(call));
        assertThat(filtered).extracting(Version::toString).containsExactlyElementsOf(
                versions(expected).stream().map(Version::toString).toList());
    }

    @Test
    void filtersArbitraryItemsByTheirVersionKeepingTheirOrder() {
        List<Map<String, String>> items = List.of(Map.of("version", "2.1a1"), Map.of("version", "1.0"),
                Map.of("version", "2.3"), Map.of("version", "2.2"));
        SpecifierSet atLeastTwo = SpecifierSet.parse(">=2.0");
        assertThat(atLeastTwo.filter(items, item -> Version.parse(item.get("version"))))
                .extracting(item -> item.get("version")).containsExactly("2.3", "2.2");
        assertThat(atLeastTwo.filter(items.subList(0, 2), item -> Version.parse(item.get("version"))))
                .extracting(item -> item.get("version")).containsExactly("2.1a1");
        assertThat(atLeastTwo.filter(items.subList(0, 2), item -> Version.parse(item.get("version")), false))
                .isEmpty();
    }

    @Test
    void matchesArbitraryStringsOnlyThroughArbitraryEquality() {
        assertThat(SpecifierSet.parse("===foobar").contains("FooBar")).isTrue();
        assertThat(SpecifierSet.parse("===1.01").contains("1.01")).isTrue();
        assertThat(SpecifierSet.parse("===1.01").contains(Version.parse("1.01"))).isFalse();
        assertThat(SpecifierSet.parse(">=1.0,===foobar").contains("foobar")).isFalse();
        assertThat(SpecifierSet.parse(">=1.0").contains("not a version")).isFalse();
        assertThat(SpecifierSet.parse(">=1.0").contains((String) null)).isFalse();
    }

    @Test
    void combinesSetsAndRefusesConflictingPrereleaseDecisions() {
        SpecifierSet combined = SpecifierSet.parse(">=1.0").and(SpecifierSet.parse("<2").withPrereleases(true));
        assertThat(combined.toString()).isEqualTo(">=1.0,<2");
        assertThat(combined.prereleaseOverride()).contains(true);
        assertThat(combined.contains(Version.parse("1.5a1"))).isTrue();
        assertThatThrownBy(() -> SpecifierSet.parse(">=1").withPrereleases(true)
                .and(SpecifierSet.parse("<2").withPrereleases(false)))
                .isInstanceOf(InvalidSpecifierException.class).hasMessageContaining("pre-releases");
    }

    @Test
    void reportsWhetherPrereleasesAreAllowed() {
        assertThat(SpecifierSet.parse("").allowsPrereleases()).isFalse();
        assertThat(SpecifierSet.parse(">=1.0").allowsPrereleases()).isFalse();
        assertThat(SpecifierSet.parse(">=1.0,<2.0b1").allowsPrereleases()).isTrue();
        assertThat(SpecifierSet.parse("!=2.0b1").allowsPrereleases()).isFalse();
        assertThat(SpecifierSet.parse(">=1.0b1").withPrereleases(false).allowsPrereleases()).isFalse();
        assertThat(SpecifierSet.parse(">=1.0").prereleaseOverride()).isEmpty();
    }

    private static List<Version> versions(String spaceSeparated) {
        if (spaceSeparated == null || spaceSeparated.isBlank()) {
            return List.of();
        }
        return Arrays.stream(spaceSeparated.trim().split(" +")).map(Version::parse).toList();
    }
}
