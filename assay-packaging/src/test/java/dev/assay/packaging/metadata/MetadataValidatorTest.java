package dev.assay.packaging.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class MetadataValidatorTest {
    private final MetadataValidator validator = new MetadataValidator();

    private List<MetadataProblem> problems(String metadataVersion, String headers) {
        return validator.validate(MetadataParser.parse(
                "Metadata-Version: " + metadataVersion + "\nName: sample\nVersion: 1.0\n" + headers));
    }

    private List<MetadataProblem> problems(String headers) {
        return problems("2.4", headers);
    }

    private List<MetadataProblem> warnings(String metadataVersion, String headers) {
        return validator.check(MetadataParser.parse(
                "Metadata-Version: " + metadataVersion + "\nName: sample\nVersion: 1.0\n" + headers)).warnings();
    }

    private static String header(MetadataField field, String value) {
        return field.header() + ": " + value + "\n";
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.0", "1.1", "1.2", "2.0", "2.1", "2.2", "2.3", "2.4", "2.5"})
    void acceptsTheRequiredFieldsAloneInEverySupportedVersion(String version) {
        assertThat(problems(version, "")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.3", "3.0", "2.6", "2", "", "2.4.0", " 2.4x"})
    void rejectsUnsupportedMetadataVersions(String version) {
        assertThat(problems(version, ""))
                .singleElement()
                .satisfies(problem -> {
                    assertThat(problem.field()).isEqualTo("Metadata-Version");
                    assertThat(problem.message()).contains("1.0, 1.1, 1.2, 2.1, 2.2, 2.3, 2.4, 2.5");
                });
    }

    @Test
    void acceptsTheWithdrawnVersion20AsVersion21WithAWarning() {
        String fields = "Provides-Extra: tests\nDescription-Content-Type: text/markdown\n";

        assertThat(problems("2.0", fields)).isEmpty();
        assertThat(warnings("2.0", fields)).singleElement().satisfies(warning -> {
            assertThat(warning.field()).isEqualTo("Metadata-Version");
            assertThat(warning.message()).contains("read as 2.1");
        });
        assertThat(problems("2.0", "Dynamic: Keywords\n")).extracting(MetadataProblem::field)
                .containsExactly("Dynamic");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.1", "2.2", "2.3"})
    void onlyWarnsAboutLicenseFileAndLicenseExpressionBeforeVersion24(String version) {
        String fields = "License-Expression: MIT\nLicense-File: LICENSE\nLicense-File: ../not/checked\n";

        assertThat(problems(version, fields)).isEmpty();
        assertThat(warnings(version, fields)).extracting(MetadataProblem::field)
                .containsExactly("License-Expression", "License-File");
        assertThat(problems("2.4", fields)).extracting(MetadataProblem::field).containsExactly("License-File");
    }

    @Test
    void warnsAboutSetuptoolsUnknownContentTypeButRefusesOtherInvalidOnes() {
        assertThat(problems("2.1", "Description-Content-Type: UNKNOWN\n")).isEmpty();
        assertThat(warnings("2.1", "Description-Content-Type: UNKNOWN\n")).extracting(MetadataProblem::field)
                .containsExactly("Description-Content-Type");
        assertThat(problems("2.1", "Description-Content-Type: text/html\n")).extracting(MetadataProblem::field)
                .containsExactly("Description-Content-Type");
    }

    @ParameterizedTest
    @ValueSource(strings = {"requests", "requests.adapters", "_private; private", "zope.interface ; private",
        "café", "ünïcode_名前"})
    void acceptsImportNamesFromVersion25(String name) {
        assertThat(problems("2.5", "Import-Name: " + name + "\nImport-Namespace: " + name + "\n")).isEmpty();
    }

    @Test
    void saysAVersionIsTooLongRatherThanInvalid() {
        CoreMetadata metadata = MetadataParser.parse("Metadata-Version: 2.4\nName: sample\nVersion: 1."
                + "0".repeat(219) + "\n");

        assertThat(validator.validate(metadata)).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo("Version");
            assertThat(problem.message()).contains("too long").doesNotContain("not a valid PEP 440");
        });
    }

    @Test
    void acceptsASingleEmptyImportNameMeaningNone() {
        assertThat(problems("2.5", "Import-Name:\n")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1abc", "a..b", "a.", "class", "pkg.import", "a-b", "name; public", "a b"})
    void rejectsImportNamesThatAreNotDottedIdentifiers(String name) {
        assertThat(problems("2.5", "Import-Name: " + name + "\n")).extracting(MetadataProblem::field)
                .containsExactly("Import-Name");
        assertThat(problems("2.5", "Import-Namespace: " + name + "\n")).extracting(MetadataProblem::field)
                .containsExactly("Import-Namespace");
    }

    @Test
    void rejectsImportNameBeforeVersion25() {
        assertThat(problems("2.4", "Import-Name: sample\n")).extracting(MetadataProblem::field)
                .containsExactly("Import-Name");
    }

    @Test
    void warnsAboutLicenseBesideLicenseExpression() {
        assertThat(problems("License: MIT License\nLicense-Expression: MIT\n")).isEmpty();
        assertThat(warnings("2.4", "License: MIT License\nLicense-Expression: MIT\n"))
                .extracting(MetadataProblem::field).containsExactly("License");
    }

    static Stream<Arguments> laterFields() {
        return Arrays.stream(MetadataField.values())
                .filter(field -> field.introduced() != MetadataVersion.V1_0)
                // PEP 639's fields before 2.4 are only warnings: PyPI accepted them
                .filter(field -> field != MetadataField.LICENSE_FILE && field != MetadataField.LICENSE_EXPRESSION)
                .map(field -> Arguments.of(field, sampleValue(field)));
    }

    private static String sampleValue(MetadataField field) {
        return switch (field) {
            case DYNAMIC -> "Keywords";
            case SUPPORTED_PLATFORM -> "RedHat 7.2";
            case DESCRIPTION_CONTENT_TYPE -> "text/markdown";
            case DOWNLOAD_URL -> "https://example.com/sample-1.0.tar.gz";
            case MAINTAINER -> "Jane Doe";
            case MAINTAINER_EMAIL -> "jane@example.com";
            case LICENSE_EXPRESSION -> "MIT";
            case LICENSE_FILE -> "LICENSE";
            case CLASSIFIER -> "Topic :: Utilities";
            case REQUIRES_DIST -> "requests>=2";
            case REQUIRES_PYTHON -> ">=3.8";
            case REQUIRES_EXTERNAL -> "libpng (>=1.5)";
            case PROJECT_URL -> "Source, https://example.com/src";
            case PROVIDES_EXTRA -> "tests";
            case PROVIDES_DIST -> "other";
            case OBSOLETES_DIST -> "gorgon";
            default -> "value";
        };
    }

    @ParameterizedTest
    @MethodSource("laterFields")
    void rejectsAFieldInAMetadataVersionBeforeTheOneThatIntroducedIt(MetadataField field, String value) {
        MetadataVersion previous = Arrays.stream(MetadataVersion.values())
                .filter(version -> !version.legacy() && version.compareTo(field.introduced()) < 0)
                .reduce((first, second) -> second).orElseThrow();

        assertThat(problems(previous.label(), header(field, value)))
                .singleElement()
                .satisfies(problem -> {
                    assertThat(problem.field()).isEqualTo(field.header());
                    assertThat(problem.message()).contains("introduced in metadata version "
                            + field.introduced().label()).contains("Metadata-Version is " + previous.label());
                });
    }

    @ParameterizedTest
    @MethodSource("laterFields")
    void acceptsAFieldFromTheMetadataVersionThatIntroducedIt(MetadataField field, String value) {
        assertThat(problems(field.introduced().label(), header(field, value))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.2", "2.3", "2.4"})
    void acceptsDynamicFromVersion22(String version) {
        assertThat(problems(version, "Dynamic: Obsoletes-Dist\n")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.0", "1.1", "1.2", "2.1"})
    void rejectsDynamicBeforeVersion22(String version) {
        assertThat(problems(version, "Dynamic: Obsoletes-Dist\n")).extracting(MetadataProblem::field)
                .containsExactly("Dynamic");
    }

    @Test
    void warnsAboutAnUnknownField() {
        assertThat(problems("Dynamc: Obsoletes-Dist\n")).isEmpty();
        assertThat(warnings("2.4", "Dynamc: Obsoletes-Dist\n")).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo("Dynamc");
            assertThat(problem.message()).contains("not a core metadata field");
        });
    }

    @Test
    void acceptsTheDeprecatedFieldsFromVersion11() {
        assertThat(problems("1.1", "Requires: re\nProvides: sample\nObsoletes: old\n")).isEmpty();
        assertThat(problems("1.0", "Requires: re\n")).extracting(MetadataProblem::field).containsExactly("Requires");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Hello_World", "a", "A1", "zope.interface", "foo-bar_baz.qux"})
    void acceptsValidNames(String name) {
        assertThat(validator.validate(MetadataParser.parse("Metadata-Version: 2.4\nName: " + name
                + "\nVersion: 1.0\n"))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"-not-legal", "", "trailing-", "with space", "naïve", "a/b", "_private"})
    void rejectsInvalidNames(String name) {
        assertThat(validator.validate(MetadataParser.parse("Metadata-Version: 2.4\nName: " + name
                + "\nVersion: 1.0\n"))).extracting(MetadataProblem::field).containsExactly("Name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2.3", "2023.0.0", "1.0a2", "1!2.0.post1.dev3", "1.0+local.1", "v1.0", "1.0-1"})
    void acceptsPep440Versions(String version) {
        assertThat(validator.validate(MetadataParser.parse("Metadata-Version: 2.4\nName: a\nVersion: " + version
                + "\n"))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a.b.c", "-----", "1.0-beta-gamma", "1..0", "latest"})
    void rejectsVersionsThatAreNotPep440(String version) {
        assertThat(validator.validate(MetadataParser.parse("Metadata-Version: 2.4\nName: a\nVersion: " + version
                + "\n"))).singleElement().satisfies(problem -> {
                    assertThat(problem.field()).isEqualTo("Version");
                    assertThat(problem.message()).contains("'" + version + "'");
                });
    }

    @Test
    void rejectsAnEmptyNameOrVersion() {
        assertThat(validator.validate(MetadataParser.parse("Metadata-Version: 2.4\nName:\nVersion:\n")))
                .extracting(MetadataProblem::message)
                .containsExactly("the name is empty; give the project's name, e.g. 'my-project'",
                        "the version is empty; give a PEP 440 version, e.g. '1.0'");
    }

    @Test
    void rejectsAMultiLineSummary() {
        assertThat(problems("Summary: Hello\n    Again\n")).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo("Summary");
            assertThat(problem.message()).contains("single line");
        });
    }

    @Test
    void limitsTheSummaryTo512Characters() {
        assertThat(problems("Summary: " + "x".repeat(512) + "\n")).isEmpty();
        assertThat(problems("Summary: " + "x".repeat(513) + "\n")).singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("513").contains("512"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "TEXT/PLAIN", "text/x-rst", "text/markdown", "text/plain; charset=UTF-8",
        "text/x-rst; charset=UTF-8", "text/markdown; charset=UTF-8; variant=GFM",
        "text/markdown; charset=UTF-8; variant=CommonMark", "text/markdown; variant=GFM",
        "text/markdown; variant=CommonMark", "text/markdown; charset=\"UTF-8\"", "text/plain; variant=whatever"})
    void acceptsRenderableDescriptionContentTypes(String contentType) {
        assertThat(problems("Description-Content-Type: " + contentType + "\n")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "text/plain; charset=ascii", "text/plain; charset=utf-8",
        "text/markdown; variant=gfm", "text/markdown; variant=commonmark", "text/html", "markdown", "",
        "text/markdown; variant", "text/markdown;; charset=UTF-8", "text/markdown; variant=MyST"})
    void rejectsOtherDescriptionContentTypes(String contentType) {
        assertThat(problems("Description-Content-Type: " + contentType + "\n"))
                .extracting(MetadataProblem::field).containsExactly("Description-Content-Type");
    }

    @Test
    void acceptsDynamicFieldNamesInAnyCase() {
        assertThat(problems("Dynamic: Keywords\nDynamic: Home-Page\nDynamic: author\n")).isEmpty();
    }

    @Test
    void rejectsADynamicValueThatIsNotAFieldName() {
        assertThat(problems("Dynamic: Keywords\nDynamic: NotReal\nDynamic: Author\n")).singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("'NotReal'"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"name", "version", "metadata-version", "Name", "VERSION"})
    void rejectsNameVersionAndMetadataVersionAsDynamic(String field) {
        assertThat(problems("Dynamic: " + field + "\n")).singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("'" + field + "' is not allowed"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"MIT", "MIT AND (Apache-2.0 OR BSD-2-Clause)", "LicenseRef-Proprietary",
        "GPL-2.0-or-later WITH Bison-exception-2.2"})
    void acceptsSpdxLicenseExpressions(String expression) {
        assertThat(problems("License-Expression: " + expression + "\n")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"mit or", "(mit", "MIT/Apache-2.0", "Apache License 2.0", "()"})
    void rejectsMalformedLicenseExpressions(String expression) {
        assertThat(problems("License-Expression: " + expression + "\n"))
                .extracting(MetadataProblem::field).containsExactly("License-Expression");
    }

    @ParameterizedTest
    @ValueSource(strings = {"LICENSE", "licenses/LICENSE.MIT", "licenses/LICENSE.CC0", "COPYING.txt"})
    void acceptsRelativeLicenseFilePaths(String path) {
        assertThat(problems("License-File: " + path + "\n")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"../LICENSE", "./../LICENSE", "licenses/../LICENSE", "/licenses/LICENSE", "licenses/*",
        "licenses\\LICENSE", "C:/LICENSE", "//server/share/LICENSE"})
    void rejectsLicenseFilePathsThatAreNotRelativeResolvedAndSlashSeparated(String path) {
        assertThat(problems("License-File: " + path + "\n"))
                .extracting(MetadataProblem::field).containsExactly("License-File");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Development Status :: 4 - Beta", "Environment :: Console (Text Based)",
        "Programming Language :: Python :: 3 :: Only"})
    void acceptsClassifiersOfTheTroveFormByDefault(String classifier) {
        assertThat(problems("Classifier: " + classifier + "\n")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Not a classifier", "Topic ::", ":: Utilities", "Topic :: ", "Topic ::  Utilities",
        "Topic::Utilities", "Topic :: :: Utilities"})
    void rejectsClassifiersNotOfTheTroveForm(String classifier) {
        assertThat(problems("Classifier: " + classifier + "\n"))
                .extracting(MetadataProblem::field).containsExactly("Classifier");
    }

    @Test
    void checksClassifiersAgainstTheGivenTroveList() {
        MetadataValidator strict = new MetadataValidator(Set.of("Topic :: Utilities")::contains);
        CoreMetadata metadata = MetadataParser.parse("Metadata-Version: 2.4\nName: a\nVersion: 1\n"
                + "Classifier: Topic :: Utilities\nClassifier: Topic :: Made Up\n");

        assertThat(strict.validate(metadata)).singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("'Topic :: Made Up'"));
    }

    @Test
    void warnsAboutLicenseClassifiersAlongsideALicenseExpression() {
        String fields = "License-Expression: MIT\nClassifier: License :: OSI Approved :: MIT License\n";
        assertThat(problems(fields)).isEmpty();
        assertThat(warnings("2.4", fields)).singleElement().satisfies(problem -> {
                    assertThat(problem.field()).isEqualTo("Classifier");
                    assertThat(problem.message()).contains("License-Expression");
                });
        assertThat(problems("Classifier: License :: OSI Approved :: MIT License\n")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a@example.com", "\"C. Schultz\" <cschultz@example.com>",
        "Pallets <contact@palletsprojects.com>", "Julian Berman <Julian+referencing@GrayVines.com>",
        "a@example.com, B <b@example.org>", "jane@example.com (Jane)", "用户@例子.广告",
        "\"Doe, Jane\" <jane@example.com>", "first.last@sub.example.co.uk", "\"quoted local\"@example.com"})
    void acceptsEmailAddressLists(String addresses) {
        assertThat(problems("Author-email: " + addresses + "\nMaintainer-email: " + addresses + "\n")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"UNKNOWN", "foo@", "@example.com", "a@localhost", "a@@example.com",
        "Jane <jane@example.com", "a@example.com,", "a b@example.com", "a@exa_mple.com", "a@example.123",
        "Doe, Jane <jane@example.com>", "\"unclosed <a@example.com>", ".a@example.com", "a..b@example.com",
        "a@-example.com", "a@example..com"})
    void rejectsMalformedEmailAddresses(String addresses) {
        assertThat(problems("Author-email: " + addresses + "\n"))
                .extracting(MetadataProblem::field).containsExactly("Author-email");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://example.com", "http://www.example.com/~cschultz/bvote/",
        "https://example.com:8443/path?q=1#frag", "HTTPS://EXAMPLE.COM"})
    void acceptsHttpUrls(String url) {
        assertThat(problems("Home-page: " + url + "\nDownload-URL: " + url + "\nProject-URL: Home, " + url + "\n"))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"UNKNOWN", "…/BeagleVote-0.45.tgz", "ftp://example.com/x", "javascript:alert(1)",
        "http://exa mple.com", "example.com", "//example.com/x", "", "https://example.com/a b",
        "https://example.com/?q=<x>", "https://exa_mple.com:port/"})
    void rejectsUrlsThatAreNotAbsoluteHttp(String url) {
        assertThat(problems("Home-page: " + url + "\n")).extracting(MetadataProblem::field)
                .containsExactly("Home-page");
        assertThat(problems("Download-URL: " + url + "\n")).extracting(MetadataProblem::field)
                .containsExactly("Download-URL");
    }

    @Test
    void acceptsFragmentsWarehouseDoesNotCheck() {
        assertThat(problems("Project-URL: Chat: Matrix, https://matrix.to/#/#aio-libs:matrix.org\n")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://", "https:///path", "https:path"})
    void onlyWarnsAboutUrlsWithoutAHostAsPypiAcceptsThem(String url) {
        assertThat(problems("Home-page: " + url + "\n")).isEmpty();
        assertThat(warnings("2.4", "Home-page: " + url + "\n")).singleElement()
                .satisfies(warning -> assertThat(warning.message()).contains("no host"));
    }

    @Test
    void checksProjectUrlLabelsAndUrls() {
        assertThat(problems("Project-URL: " + "L".repeat(32) + ", https://example.com\n")).isEmpty();
        assertThat(problems("Project-URL: " + "L".repeat(33) + ", https://example.com\n")).singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("33 characters").contains("32"));
        assertThat(problems("Project-URL: , https://example.com\n")).singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("no label"));
        assertThat(problems("Project-URL: Docs\n")).singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("'Docs' has no URL"));
        assertThat(problems("Project-URL: Docs, not a url\n")).singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("'Docs'"));
    }

    @ParameterizedTest
    @ValueSource(strings = {">=3", ">2.6,!=3.0.*,!=3.1.*", "~=2.6", ">=2.6, !=3.0.*, !=3.1.*, !=3.2.*", "",
        ">=3.8,"})
    void acceptsRequiresPythonSpecifierSets(String specifiers) {
        assertThat(problems("Requires-Python: " + specifiers + "\n")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"NotReal", "3.8", ">=3.8 <4", "=>3.8", ">=3.*", "python>=3"})
    void rejectsRequiresPythonThatIsNotASpecifierSet(String specifiers) {
        assertThat(problems("Requires-Python: " + specifiers + "\n")).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo("Requires-Python");
            assertThat(problem.message()).contains("'" + specifiers + "'");
        });
    }

    @Test
    void acceptsValidExtras() {
        assertThat(problems("Provides-Extra: dev\nProvides-Extra: test\n")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.1", "2.4"})
    void rejectsAnExtraThatIsNotAValidName(String version) {
        assertThat(problems(version, "Provides-Extra: pdf\nProvides-Extra: -Not-Valid\nProvides-Extra: ok\n"))
                .singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("'-Not-Valid'"));
    }

    @Test
    void warnsAboutExtrasNotNormalisedFromVersion23() {
        assertThat(warnings("2.1", "Provides-Extra: Dev_Tools\n")).isEmpty();
        assertThat(warnings("2.2", "Provides-Extra: Dev_Tools\n")).isEmpty();
        assertThat(problems("2.3", "Provides-Extra: Dev_Tools\n")).isEmpty();
        assertThat(warnings("2.3", "Provides-Extra: Dev_Tools\n")).singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("'dev-tools'").contains("PEP 685"));
        assertThat(problems("2.3", "Provides-Extra: dev-tools\n")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"pkginfo", "PasteDeploy", "zope.interface (>3.5.0)", "pywin32 >1.0; sys_platform == 'win32'",
        "reportlab; extra == 'pdf'", "requests[security,socks]>=2.8.1,==2.8.*; python_version < \"3.8\""})
    void acceptsPep508Requirements(String requirement) {
        assertThat(problems("Requires-Dist: " + requirement + "\nProvides-Dist: " + requirement
                + "\nObsoletes-Dist: " + requirement + "\n")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"-not-real", "name >=", "name; os_name ==", "name (3.4)", "name[", "name extra",
        "name; unknown_marker == '1'", ">=1.0"})
    void rejectsRequirementsThatAreNotPep508(String requirement) {
        for (MetadataField field : List.of(MetadataField.REQUIRES_DIST, MetadataField.PROVIDES_DIST,
                MetadataField.OBSOLETES_DIST)) {
            assertThat(problems(header(field, requirement))).singleElement().satisfies(problem -> {
                assertThat(problem.field()).isEqualTo(field.header());
                assertThat(problem.message()).contains("'" + requirement + "'").contains("PEP 508");
            });
        }
    }

    @Test
    void reportsEveryInvalidRequirementNotJustTheFirst() {
        assertThat(problems("Requires-Dist: pkginfo\nRequires-Dist: -not-real\nRequires-Dist: also bad\n"))
                .extracting(MetadataProblem::field).containsExactly("Requires-Dist", "Requires-Dist");
    }

    @Test
    void rejectsDirectUrlDependencies() {
        assertThat(problems("Requires-Dist: pip @ https://github.com/pypa/pip/archive/1.3.1.zip\n")).singleElement()
                .satisfies(problem -> {
                    assertThat(problem.field()).isEqualTo("Requires-Dist");
                    assertThat(problem.message()).contains("direct URL");
                });
    }

    @Test
    void validateOrThrowListsEveryProblem() {
        CoreMetadata metadata = MetadataParser.parse("Metadata-Version: 2.1\nName: -bad-\nVersion: nope\n"
                + "Import-Name: sample\nSummary: two\n lines\n");

        assertThatThrownBy(() -> validator.validateOrThrow(metadata))
                .isInstanceOfSatisfying(InvalidMetadataException.class, e -> {
                    assertThat(e.problems()).extracting(MetadataProblem::field)
                            .containsExactly("Import-Name", "Name", "Version", "Summary");
                    assertThat(e.getMessage()).contains("4 problems").contains("Name:").contains("Version:")
                            .contains("Import-Name:").contains("Summary:");
                });
    }

    @Test
    void validateOrThrowReturnsValidMetadata() {
        CoreMetadata metadata = MetadataParser.parse("Metadata-Version: 2.4\nName: fine\nVersion: 1.0\n");

        assertThat(validator.validateOrThrow(metadata)).isSameAs(metadata);
    }
}
