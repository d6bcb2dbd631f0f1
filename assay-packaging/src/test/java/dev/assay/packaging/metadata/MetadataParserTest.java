package dev.assay.packaging.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class MetadataParserTest {
    private static final String REQUIRED = "Metadata-Version: 2.4\nName: sample\nVersion: 1.0\n";

    static Stream<MetadataField> singleUseFields() {
        return Arrays.stream(MetadataField.values()).filter(field -> !field.multipleUse());
    }

    static Stream<MetadataField> multipleUseFields() {
        return Arrays.stream(MetadataField.values()).filter(MetadataField::multipleUse);
    }

    private static CoreMetadata parse(String headers) {
        return MetadataParser.parse(REQUIRED + headers);
    }

    @Test
    void parsesEveryFieldOfTheSpecificationExample() throws IOException {
        CoreMetadata metadata = MetadataParser.parse(resource("beaglevote-everything.METADATA"));

        assertThat(metadata.metadataVersion()).isEqualTo("2.4");
        assertThat(metadata.name()).isEqualTo("BeagleVote");
        assertThat(metadata.version()).isEqualTo("1.0a2");
        assertThat(metadata.platforms()).containsExactly("ObscureUnix", "RareDOS");
        assertThat(metadata.supportedPlatforms()).containsExactly("RedHat 7.2", "i386-win32-2791");
        assertThat(metadata.summary()).hasValue("A module for collecting votes from beagles.");
        assertThat(metadata.descriptionContentType()).hasValue("text/markdown; charset=UTF-8; variant=GFM");
        assertThat(metadata.keywords()).containsExactly("dog", "puppy", "voting", "election");
        assertThat(metadata.homePage()).hasValue("http://www.example.com/~cschultz/bvote/");
        assertThat(metadata.downloadUrl()).hasValue("…/BeagleVote-0.45.tgz");
        assertThat(metadata.author()).hasValue(
                "C. Schultz, Universal Features Syndicate,\n        Los Angeles, CA <cschultz@peanuts.example.com>");
        assertThat(metadata.authorEmail()).hasValue("\"C. Schultz\" <cschultz@example.com>");
        assertThat(metadata.maintainer()).isEqualTo(metadata.author());
        assertThat(metadata.maintainerEmail()).isEqualTo(metadata.authorEmail());
        assertThat(metadata.license()).hasValue("This software may only be obtained by sending the\n"
                + "author a postcard, and then the user promises not\nto redistribute it.");
        assertThat(metadata.licenseExpression()).hasValue("Apache-2.0 OR BSD-2-Clause");
        assertThat(metadata.licenseFiles()).containsExactly("LICENSE.APACHE", "LICENSE.BSD");
        assertThat(metadata.classifiers())
                .containsExactly("Development Status :: 4 - Beta", "Environment :: Console (Text Based)");
        assertThat(metadata.providesExtra()).containsExactly("pdf");
        assertThat(metadata.requiresDist()).containsExactly("reportlab; extra == 'pdf'", "pkginfo", "PasteDeploy",
                "zope.interface (>3.5.0)", "pywin32 >1.0; sys_platform == 'win32'");
        assertThat(metadata.requiresPython()).hasValue(">=3");
        assertThat(metadata.requiresExternal())
                .containsExactly("C", "libpng (>=1.5)", "make; sys_platform != \"win32\"");
        assertThat(metadata.projectUrls()).containsExactly(
                Map.entry("Bug Tracker", "http://bitbucket.org/tarek/distribute/issues/"),
                Map.entry("Documentation", "https://example.com/BeagleVote"));
        assertThat(metadata.providesDist()).containsExactly("OtherProject", "AnotherProject (3.4)",
                "virtual_package; python_version >= \"3.4\"");
        assertThat(metadata.obsoletesDist()).containsExactly("Gorgon", "OtherProject (<3.0)");
        assertThat(metadata.dynamic()).containsExactly("Obsoletes-Dist");
        assertThat(metadata.unknownFields()).containsExactly(Map.entry("ThisIsNotReal", List.of("Hello!")));
        assertThat(metadata.description()).hasValue("This description intentionally left blank.\n");
    }

    @ParameterizedTest
    @MethodSource("singleUseFields")
    void readsASingleUseFieldGivenOnce(MetadataField field) {
        CoreMetadata metadata = MetadataParser.parse(requiredExcept(field) + field.header() + ": VaLuE\n");

        assertThat(metadata.values(field)).containsExactly("VaLuE");
    }

    @ParameterizedTest
    @MethodSource("singleUseFields")
    void rejectsASingleUseFieldGivenTwice(MetadataField field) {
        String header = field.header() + ": VaLuE\n";

        assertThatThrownBy(() -> MetadataParser.parse(requiredExcept(field) + header + header))
                .isInstanceOf(InvalidMetadataException.class)
                .hasMessageContaining(field.header())
                .hasMessageContaining("given 2 times");
    }

    @ParameterizedTest
    @MethodSource("multipleUseFields")
    void keepsEveryValueOfAMultipleUseFieldInOrder(MetadataField field) {
        CoreMetadata metadata = parse(field.header() + ": one, 1\n" + field.header() + ": two, 2\n");

        assertThat(metadata.values(field)).containsExactly("one, 1", "two, 2");
    }

    private static String requiredExcept(MetadataField field) {
        return switch (field) {
            case METADATA_VERSION -> "Name: sample\nVersion: 1.0\n";
            case NAME -> "Metadata-Version: 2.4\nVersion: 1.0\n";
            case VERSION -> "Metadata-Version: 2.4\nName: sample\n";
            default -> REQUIRED;
        };
    }

    static Stream<Arguments> keywords() {
        return Stream.of(
                Arguments.of("A", List.of("A")),
                Arguments.of("A ", List.of("A")),
                Arguments.of(" A", List.of("A")),
                Arguments.of("A, B", List.of("A", "B")),
                Arguments.of("A,B", List.of("A", "B")),
                Arguments.of(" A, B", List.of("A", "B")),
                Arguments.of("A,B ", List.of("A", "B")),
                Arguments.of("A B", List.of("A B")),
                Arguments.of("A,,B,", List.of("A", "B")));
    }

    @ParameterizedTest
    @MethodSource
    void keywords(String given, List<String> expected) {
        assertThat(parse("Keywords: " + given + "\n").keywords()).isEqualTo(expected);
    }

    static Stream<Arguments> projectUrls() {
        return Stream.of(
                Arguments.of("", Map.of("", "")),
                Arguments.of("A", Map.of("A", "")),
                Arguments.of("A,B", Map.of("A", "B")),
                Arguments.of("A, B", Map.of("A", "B")),
                Arguments.of(" A,B", Map.of("A", "B")),
                Arguments.of("A,B ", Map.of("A", "B")),
                Arguments.of("A,B,C", Map.of("A", "B,C")));
    }

    @ParameterizedTest
    @MethodSource
    void projectUrls(String given, Map<String, String> expected) {
        assertThat(parse("Project-URL: " + given + "\n").projectUrls()).isEqualTo(expected);
    }

    @Test
    void rejectsTwoProjectUrlsWithTheSameLabel() {
        assertThatThrownBy(() -> parse("project-url: A, B\nproject-url: A, C\n"))
                .isInstanceOf(InvalidMetadataException.class)
                .hasMessageContaining("Project-URL")
                .hasMessageContaining("'A'");
    }

    @Test
    void keepsProjectUrlsInTheOrderGiven() {
        CoreMetadata metadata = parse("Project-URL: Zeta, https://z.example\nProject-URL: Alpha, https://a.example\n");

        assertThat(metadata.projectUrls().keySet()).containsExactly("Zeta", "Alpha");
    }

    @Test
    void decodesUtf8Bytes() {
        byte[] bytes = (REQUIRED + "author: Tarek Ziadé\n").getBytes(StandardCharsets.UTF_8);

        assertThat(MetadataParser.parse(bytes).author()).hasValue("Tarek Ziadé");
    }

    @Test
    void rejectsAHeaderThatIsNotUtf8AndSaysWhere() {
        byte[] bytes = (REQUIRED + "Author: \u00c0msterdam\n").getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> MetadataParser.parse(bytes))
                .isInstanceOf(InvalidMetadataException.class)
                .hasMessageContaining("line 4")
                .hasMessageContaining("0xC0")
                .hasMessageContaining("UTF-8");
    }

    @Test
    void rejectsADescriptionBodyThatIsNotUtf8() {
        byte[] bytes = (REQUIRED + "\n\u00c0msterdam\n").getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> MetadataParser.parse(bytes))
                .isInstanceOf(InvalidMetadataException.class)
                .hasMessageContaining("line 5");
    }

    @Test
    void rejectsTruncatedMultiByteSequence() {
        byte[] good = (REQUIRED + "Author: é").getBytes(StandardCharsets.UTF_8);
        byte[] truncated = Arrays.copyOf(good, good.length - 1);

        assertThatThrownBy(() -> MetadataParser.parse(truncated)).isInstanceOf(InvalidMetadataException.class);
    }

    @Test
    void ignoresAByteOrderMark() {
        byte[] bytes = ("\uFEFF" + REQUIRED).getBytes(StandardCharsets.UTF_8);

        assertThat(MetadataParser.parse(bytes).metadataVersion()).isEqualTo("2.4");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Description: hello\n", "\nhello", "description: hello\n\n\n"})
    void readsTheDescriptionFromTheHeaderOrTheBody(String rest) {
        assertThat(parse(rest).description()).hasValue("hello");
    }

    @ParameterizedTest
    @ValueSource(strings = {"description: 1\ndescription: 2\n", "description: 1\n\n2",
        "description: 1\ndescription: 2\n\n3"})
    void rejectsADescriptionGivenMoreThanOnce(String rest) {
        assertThatThrownBy(() -> parse(rest))
                .isInstanceOf(InvalidMetadataException.class)
                .hasMessageContaining("Description");
    }

    @Test
    void keepsTheBodyVerbatim() {
        String body = "# Title\n\n    indented code\n\ttab\n\nlast line\n";

        assertThat(parse("\n" + body).description()).hasValue(body);
    }

    @Test
    void matchesFieldNamesIgnoringCase() {
        CoreMetadata metadata = parse("AUTHOR: Tarek Ziadé\nhome-PAGE: https://example.com\nWhatever: Else\n");

        assertThat(metadata.author()).hasValue("Tarek Ziadé");
        assertThat(metadata.homePage()).hasValue("https://example.com");
        assertThat(metadata.unknownFields()).containsOnlyKeys("Whatever");
    }

    @Test
    void groupsUnknownFieldsIgnoringCaseUnderTheFirstSpelling() {
        CoreMetadata metadata = parse("X-Custom: 1\nx-custom: 2\n");

        assertThat(metadata.unknownFields()).containsExactly(Map.entry("X-Custom", List.of("1", "2")));
    }

    @Test
    void keepsTheDeprecatedRequiresProvidesObsoletesWithTheUnknownFields() {
        CoreMetadata metadata = MetadataParser.parse("Metadata-Version: 1.1\nName: a\nVersion: 1\n"
                + "Requires: re\nRequires: os.path\nProvides: a\nObsoletes: b\n");

        assertThat(metadata.unknownFields()).containsExactly(Map.entry("Requires", List.of("re", "os.path")),
                Map.entry("Provides", List.of("a")), Map.entry("Obsoletes", List.of("b")));
        assertThat(metadata.values(MetadataField.REQUIRES)).containsExactly("re", "os.path");
    }

    @Test
    void acceptsCrLfAndLoneCrLineEndings() {
        CoreMetadata metadata = MetadataParser.parse(
                "Metadata-Version: 2.1\r\nName: crlf\r\nVersion: 1.0\rSummary: s\r\n\r\nline one\r\nline two\r\n");

        assertThat(metadata.version()).isEqualTo("1.0");
        assertThat(metadata.summary()).hasValue("s");
        assertThat(metadata.description()).hasValue("line one\nline two\n");
    }

    @Test
    void endsTheHeadersAtTheEndOfInputWithoutAnEmptyLine() {
        CoreMetadata metadata = MetadataParser.parse("Metadata-Version: 2.1\nName: eof\nVersion: 1.0");

        assertThat(metadata.version()).isEqualTo("1.0");
        assertThat(metadata.description()).isEmpty();
    }

    @Test
    void keepsFoldedContinuationLinesOfAnOrdinaryHeader() {
        CoreMetadata metadata = parse("Summary: first\n  second\n");

        assertThat(metadata.summary()).hasValue("first\n  second");
    }

    @Test
    void removesTheEightSpaceIndentationOfDescriptionContinuationLines() {
        CoreMetadata metadata = parse("Description: Title\n        =====\n        \n"
                + "        text\n            indented block\nClassifier: A :: B\n");

        assertThat(metadata.description()).hasValue("Title\n=====\n\ntext\n    indented block");
        assertThat(metadata.classifiers()).containsExactly("A :: B");
    }

    @Test
    void removesTheSevenSpacesAndPipeOfTheSpecificationsDescriptionEscape() {
        CoreMetadata metadata = parse("Description: Title\n       |=====\n       |\n       |  indented\n");

        assertThat(metadata.description()).hasValue("Title\n=====\n\n  indented");
    }

    @Test
    void startsADescriptionThatBeginsOnTheNextLineWithoutANewline() {
        CoreMetadata metadata = parse("Description: \n        A pure-Python tiling window manager.\n        \n");

        assertThat(metadata.description()).hasValue("A pure-Python tiling window manager.");
    }

    @Test
    void keepsAPipeThatStartsAnEightSpaceIndentedTableLine() {
        CoreMetadata metadata = parse("Description: Table\n        +---+\n        | a |\n        +---+\n");

        assertThat(metadata.description()).hasValue("Table\n+---+\n| a |\n+---+");
    }

    @Test
    void stripsBlanksAroundHeaderValues() {
        CoreMetadata metadata = parse("Summary:    padded value   \nAuthor:\tTabbed\n");

        assertThat(metadata.summary()).hasValue("padded value");
        assertThat(metadata.author()).hasValue("Tabbed");
    }

    @Test
    void readsAnEmptyHeaderValueAsEmpty() {
        assertThat(parse("Summary:\n").summary()).hasValue("");
    }

    @Test
    void reportsEveryMissingRequiredFieldAtOnce() {
        assertThatThrownBy(() -> MetadataParser.parse("Summary: nothing else\n"))
                .isInstanceOfSatisfying(InvalidMetadataException.class, e -> assertThat(e.problems())
                        .extracting(MetadataProblem::field)
                        .containsExactly("Metadata-Version", "Name", "Version"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\n", "hello", "hello\n\nbody", ": no name", " leading continuation",
        "Name value without colon", "Bad Name: has a space", "Metadata-Version: 2.4\nName: x\nVersion: 1\nno colon",
        "Metadata-Version: 2.4\nName: x\nVersion: 1\nNäme: non-ascii name", "\u0000: nul",
        "Metadata-Version: 2.4\nMetadata-Version: 2.3\nName: x\nVersion: 1", "Name: x\nVersion: 1",
        "Metadata-Version: 2.4\nVersion: 1", "Metadata-Version: 2.4\nName: x"})
    void rejectsMalformedMetadataWithATypedException(String garbage) {
        assertThatThrownBy(() -> MetadataParser.parse(garbage))
                .isInstanceOf(InvalidMetadataException.class)
                .satisfies(e -> assertThat(((InvalidMetadataException) e).problems()).isNotEmpty());
    }

    @Test
    void rejectsRandomBytesWithATypedException() {
        java.util.Random random = new java.util.Random(42);
        for (int i = 0; i < 500; i++) {
            byte[] bytes = new byte[random.nextInt(64)];
            random.nextBytes(bytes);
            try {
                MetadataParser.parse(bytes);
            } catch (InvalidMetadataException expected) {
                // the only failure allowed
            }
        }
    }

    @Test
    void namesTheLineOfAHeaderWithoutAColon() {
        assertThatThrownBy(() -> MetadataParser.parse(REQUIRED + "this is not a header\n"))
                .isInstanceOf(InvalidMetadataException.class)
                .hasMessageContaining("line 4")
                .hasMessageContaining("'this is not a header'")
                .hasMessageContaining("Name: value");
    }

    static String resource(String name) throws IOException {
        try (InputStream in = MetadataParserTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
