package dev.assay.packaging.version;

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
import org.junit.jupiter.params.provider.ValueSource;

class VersionTest {

    static Stream<String> referenceVersions() {
        return VersionOrderingTest.SORTED.stream();
    }

    @ParameterizedTest
    @MethodSource("referenceVersions")
    void parsesEveryReferenceVersionAndReparsesItsNormalForm(String text) {
        Version version = Version.parse(text);
        assertThat(Version.parse(version.toString())).isEqualTo(version);
        assertThat(Version.parse(version.toString()).toString()).isEqualTo(version.toString());
        assertThat(Version.isValid(text)).isTrue();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "1.0dev|1.0.dev0", "1.0.dev|1.0.dev0", "1.0dev1|1.0.dev1", "1.0-dev|1.0.dev0", "1.0-dev1|1.0.dev1",
        "1.0DEV|1.0.dev0", "1.0.DEV|1.0.dev0", "1.0DEV1|1.0.dev1", "1.0.DEV1|1.0.dev1", "1.0-DEV|1.0.dev0",
        "1.0a|1.0a0", "1.0.a|1.0a0", "1.0.a1|1.0a1", "1.0-a|1.0a0", "1.0-a1|1.0a1", "1.0alpha|1.0a0",
        "1.0.alpha|1.0a0", "1.0.alpha1|1.0a1", "1.0-alpha|1.0a0", "1.0-alpha1|1.0a1", "1.0A|1.0a0",
        "1.0.A1|1.0a1", "1.0-ALPHA1|1.0a1", "1.0_a_1|1.0a1",
        "1.0b|1.0b0", "1.0.b|1.0b0", "1.0.b1|1.0b1", "1.0-b1|1.0b1", "1.0beta|1.0b0", "1.0.beta1|1.0b1",
        "1.0-BETA1|1.0b1", "1.0B|1.0b0",
        "1.0c|1.0rc0", "1.0.c|1.0rc0", "1.0.c1|1.0rc1", "1.0-c1|1.0rc1", "1.0rc|1.0rc0", "1.0.rc1|1.0rc1",
        "1.0-RC1|1.0rc1", "1.0C|1.0rc0", "1.0pre|1.0rc0", "1.0preview2|1.0rc2", "1.0-PRE-3|1.0rc3",
        "1.0post|1.0.post0", "1.0.post|1.0.post0", "1.0post1|1.0.post1", "1.0-post|1.0.post0",
        "1.0-post1|1.0.post1", "1.0POST|1.0.post0", "1.0r|1.0.post0", "1.0rev|1.0.post0", "1.0.r1|1.0.post1",
        "1.0.rev1|1.0.post1", "1.0-POST1|1.0.post1", "1.0-5|1.0.post5", "1.0-r5|1.0.post5",
        "1.0-rev5|1.0.post5", "1.0_post_2|1.0.post2", "1.0-1|1.0.post1",
        "1.0+AbC|1.0+abc", "1.0+ubuntu-1|1.0+ubuntu.1", "1.0+ubuntu_1.A-b|1.0+ubuntu.1.a.b",
        "1.01|1.1", "1.0a05|1.0a5", "1.0b07|1.0b7", "1.0c056|1.0rc56", "1.0rc09|1.0rc9",
        "1.0.post000|1.0.post0", "1.1.dev09000|1.1.dev9000", "00!1.2|1.2", "0100!0.0|100!0.0",
        "v1.0|1.0", "V1.0|1.0", "1.0.0|1.0.0", "1!2.0|1!2.0",
        "1.0a1-1|1.0a1.post1", "1.0.post-|1.0.post0", "1.0dev.|1.0.dev0", "1.0rc1.post2.dev3+Local_7|1.0rc1.post2.dev3+local.7",
    })
    void normalisesAcceptedSpellings(String text, String normalised) {
        assertThat(Version.parse(text).toString()).isEqualTo(normalised);
    }

    @ParameterizedTest
    @ValueSource(strings = {"   v1.0\t\n", "\u202F1.0\t\u2029\n ", "\u00A01.0", " 1.0 "})
    void stripsLeadingAndTrailingWhitespaceIncludingNonAscii(String text) {
        assertThat(Version.parse(text).toString()).isEqualTo("1.0");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "french toast", "1.0+a+", "1.0++", "1.0+_foobar", "1.0+foo&asd", "1.0+1+1",
        "1. 0", "1 .0", "1. 0a1", "1 .0a1", "1.0 a1", "1.0a 1",
        "\u0660\u0661\u0662.\u0663\u0664\u0665.\u0666\u0667\u0668\u0669", ".", "..", "1..0", "1.0.", ".1.0",
        "1..2.3", "1.0+\u0130", "", "   ", "v", "1.0+", "+local", "!1.0", "1!", "1!!2", "-1.0", "1.0-",
        "1.0..dev", "1.0a1a2", "1.0.post1.post2", "1.0.dev1.dev2", "1.0dev1a1",
        "1.0.post1a1", "1.0-alpha-beta", "1.0gamma", "1.0+loc al", "1.0+lo/cal", "vv1.0", "1.0rc1+",
        "99999999999999999999", "1.99999999999999999999", "1.0.post99999999999999999999",
        "99999999999999999999!1.0", "1.0*", "==1.0", "1,0", "1.0\u0000", "ｖ1.0", "１.0",
    })
    void rejectsMalformedVersionsWithATypedExceptionNamingTheInput(String text) {
        assertThatThrownBy(() -> Version.parse(text))
                .isInstanceOf(InvalidVersionException.class)
                .isInstanceOf(PackagingException.class)
                .hasMessageContaining("'" + text + "'");
        assertThat(Version.isValid(text)).isFalse();
    }

    @Test
    void refusesVeryLongVersionsAsTooLongWithoutExhaustingTheStack() {
        String longRelease = "1" + ".2".repeat(100_000);
        assertThatThrownBy(() -> Version.parse(longRelease)).isInstanceOf(VersionTooLongException.class)
                .hasMessageContaining("too long (200001 characters)");
        assertThatThrownBy(() -> Version.parse("1.0+" + "a.".repeat(100_000) + "b"))
                .isInstanceOf(VersionTooLongException.class);
    }

    @Test
    void acceptsVersionsUpToTheMaximumLength() {
        String longest = "1" + ".2".repeat((Version.MAX_LENGTH - 1) / 2);
        assertThat(longest).hasSize(Version.MAX_LENGTH - 1);
        assertThat(Version.parse(longest).release()).hasSize(Version.MAX_LENGTH / 2);
        assertThat(Version.parse(longest + "0")).hasToString(longest + "0");
        assertThatThrownBy(() -> Version.parse(longest + "00")).isInstanceOf(VersionTooLongException.class)
                .hasMessageContaining("too long (101 characters)").hasMessageContaining("at most 100");
    }

    @Test
    void refusesAVersionWhoseNormalisedFormIsTooLong() {
        String written = "1" + ".0".repeat(47) + "-1";
        assertThat(written).hasSize(97);
        assertThatThrownBy(() -> Version.parse(written)).isInstanceOf(VersionTooLongException.class)
                .hasMessageContaining("once normalised");
    }

    @Test
    void refusesA121DigitReleaseSegmentAsTooLong() {
        assertThatThrownBy(() -> Version.parse("1".repeat(121))).isInstanceOf(VersionTooLongException.class)
                .hasMessageContaining("too long");
        assertThatThrownBy(() -> Version.parse("1." + "9".repeat(25))).isInstanceOf(VersionTooLongException.class)
                .hasMessageContaining("too long (25 digits)");
    }

    @Test
    void abbreviatesHugeMalformedInputInTheMessage() {
        String huge = "1.0+" + "a.".repeat(100_000);
        assertThatThrownBy(() -> Version.parse(huge))
                .isInstanceOf(InvalidVersionException.class)
                .hasMessageStartingWith("Invalid version '1.0+a.a.")
                .matches(e -> e.getMessage().length() < 500, "message shorter than 500 characters");
        assertThatThrownBy(() -> Specifier.parse(">=" + huge))
                .isInstanceOf(InvalidSpecifierException.class)
                .matches(e -> e.getMessage().length() < 800, "message shorter than 800 characters");
    }

    @Test
    void rejectsNullWithATypedException() {
        assertThatThrownBy(() -> Version.parse(null)).isInstanceOf(InvalidVersionException.class);
        assertThat(Version.isValid(null)).isFalse();
    }

    @Test
    void explainsWhatIsWrongAndHowToWriteAVersion() {
        assertThatThrownBy(() -> Version.parse("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> Version.parse("1.0 a1")).hasMessageContaining("whitespace");
        assertThatThrownBy(() -> Version.parse("lolwat")).hasMessageContaining("PEP 440").hasMessageContaining("1.0");
        assertThatThrownBy(() -> Version.parse("1.99999999999999999999")).hasMessageContaining("too long");
    }

    static Stream<Arguments> parts() {
        return Stream.of(
                Arguments.of("1.0", 0L, List.of(1L, 0L), null, null, null, null),
                Arguments.of("1.0.dev6", 0L, List.of(1L, 0L), null, null, 6L, null),
                Arguments.of("1.0a1.post5.dev6", 0L, List.of(1L, 0L), new PreRelease("a", 1), 5L, 6L, null),
                Arguments.of("1!1.0rc4", 1L, List.of(1L, 0L), new PreRelease("rc", 4), null, null, null),
                Arguments.of("1!1.0.post5+deadbeef", 1L, List.of(1L, 0L), null, 5L, null, "deadbeef"),
                Arguments.of("2.0.0b3+Ubuntu-1", 0L, List.of(2L, 0L, 0L), new PreRelease("b", 3), null, null,
                        "ubuntu.1"),
                Arguments.of("9223372036854775807", 0L, List.of(Long.MAX_VALUE), null, null, null, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("parts")
    void exposesEachNormalisedPart(String text, long epoch, List<Long> release, PreRelease pre, Long post,
            Long dev, String local) {
        Version version = Version.parse(text);
        assertThat(version.epoch()).isEqualTo(epoch);
        assertThat(version.release()).isEqualTo(release);
        assertThat(version.pre().orElse(null)).isEqualTo(pre);
        assertThat(version.post().isPresent() ? version.post().getAsLong() : null).isEqualTo(post);
        assertThat(version.dev().isPresent() ? version.dev().getAsLong() : null).isEqualTo(dev);
        assertThat(version.local().orElse(null)).isEqualTo(local);
        assertThat(version.isLocal()).isEqualTo(local != null);
        assertThat(version.isPostrelease()).isEqualTo(post != null);
        assertThat(version.isDevrelease()).isEqualTo(dev != null);
    }

    @ParameterizedTest(name = "{0} pre-release: {1}")
    @CsvSource({
        "1.0.dev0, true", "1.0.dev1, true", "1.0a1.dev1, true", "1.0c1.dev1, true", "1.0rc1.dev1, true",
        "1.0a1, true", "1.0b1, true", "1.0c1, true", "1.0rc1, true", "1.0a1.post1.dev1, true",
        "1.0rc1.post1.dev1, true", "1.0a1.post1, true", "1.0rc1.post1, true", "1.0, false",
        "1.0+dev, false", "1.0.post1, false", "1.0.post1+dev, false", "1.0.post1.dev1, true",
    })
    void classifiesPrereleases(String text, boolean prerelease) {
        assertThat(Version.parse(text).isPrerelease()).isEqualTo(prerelease);
    }

    @ParameterizedTest(name = "{0} -> public {1}, base {2}")
    @CsvSource({
        "1.0, 1.0, 1.0", "1.0.dev6, 1.0.dev6, 1.0", "1.0a1.post5.dev6, 1.0a1.post5.dev6, 1.0",
        "1!1.0rc4, 1!1.0rc4, 1!1.0", "1.0+deadbeef, 1.0, 1.0", "1.0a1.post5.dev6+deadbeef, 1.0a1.post5.dev6, 1.0",
        "1!1.0.post5+deadbeef, 1!1.0.post5, 1!1.0", "1!2.0.0rc1.post3+x, 1!2.0.0rc1.post3, 1!2.0.0",
    })
    void derivesPublicAndBaseVersions(String text, String publicVersion, String baseVersion) {
        Version version = Version.parse(text);
        assertThat(version.publicVersion().toString()).isEqualTo(publicVersion);
        assertThat(version.publicVersion().isLocal()).isFalse();
        assertThat(version.baseVersion().toString()).isEqualTo(baseVersion);
    }

    @Test
    void exposesMajorMinorMicroWithMissingPartsAsZero() {
        assertThat(Version.parse("2.1.3").micro()).isEqualTo(3);
        assertThat(Version.parse("2.1.0").minor()).isEqualTo(1);
        assertThat(Version.parse("2").major()).isEqualTo(2);
        assertThat(Version.parse("2").minor()).isZero();
        assertThat(Version.parse("2.1").micro()).isZero();
    }

    @Test
    void keepsTheReleaseAsWrittenWhileComparingWithoutTrailingZeros() {
        Version version = Version.parse("1.0.0");
        assertThat(version.toString()).isEqualTo("1.0.0");
        assertThat(version.release()).containsExactly(1L, 0L, 0L);
        assertThat(version).isEqualTo(Version.parse("1"));
    }

    @Test
    void returnsAnImmutableRelease() {
        List<Long> release = Version.parse("1.2").release();
        assertThatThrownBy(() -> release.add(3L)).isInstanceOf(UnsupportedOperationException.class);
    }
}
