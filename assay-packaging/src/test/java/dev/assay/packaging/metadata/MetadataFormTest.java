package dev.assay.packaging.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetadataFormTest {

    /** The fields twine 6 sends for a wheel, as Warehouse receives them. */
    private static Map<String, List<String>> twineForm() {
        Map<String, List<String>> form = new LinkedHashMap<>();
        form.put(":action", List.of("file_upload"));
        form.put("protocol_version", List.of("1"));
        form.put("metadata_version", List.of("2.4"));
        form.put("name", List.of("Sample_Project"));
        form.put("version", List.of("1.0.0"));
        form.put("filetype", List.of("bdist_wheel"));
        form.put("pyversion", List.of("py3"));
        form.put("summary", List.of("A sample project"));
        form.put("description", List.of("# Sample\n\n  indented\n"));
        form.put("description_content_type", List.of("text/markdown"));
        form.put("keywords", List.of("sample, setuptools, development"));
        form.put("author_email", List.of("A. Random Developer <author@example.com>"));
        form.put("license_expression", List.of("MIT"));
        form.put("license_file", List.of("LICENSE", "NOTICE"));
        form.put("classifiers", List.of("Development Status :: 3 - Alpha", "Topic :: Utilities"));
        form.put("platform", List.of("any"));
        form.put("supported_platform", List.of("linux"));
        form.put("requires_dist", List.of("peppercorn", "coverage; extra == \"test\""));
        form.put("requires_python", List.of(">=3.9"));
        form.put("project_urls", List.of("Bug Reports, https://github.com/pypa/sampleproject/issues",
                "Source, https://github.com/pypa/sampleproject/"));
        form.put("provides_extra", List.of("test"));
        form.put("dynamic", List.of("Requires-Dist"));
        form.put("sha256_digest", List.of("0123abcd"));
        form.put("comment", List.of(""));
        return form;
    }

    private static final String FILE = """
            Metadata-Version: 2.4
            Name: sample-project
            Version: 1.0
            Summary: A sample project
            Description-Content-Type: text/markdown
            Requires-Python: >=3.9
            Requires-Dist: coverage ; extra == "test"
            Requires-Dist: peppercorn
            Provides-Extra: test
            License-Expression: MIT
            """;

    @Test
    void buildsMetadataFromTheFieldsTwineSends() {
        CoreMetadata metadata = MetadataForm.toMetadata(twineForm());

        assertThat(metadata.metadataVersion()).isEqualTo("2.4");
        assertThat(metadata.name()).isEqualTo("Sample_Project");
        assertThat(metadata.version()).isEqualTo("1.0.0");
        assertThat(metadata.summary()).hasValue("A sample project");
        assertThat(metadata.description()).hasValue("# Sample\n\n  indented\n");
        assertThat(metadata.keywords()).containsExactly("sample", "setuptools", "development");
        assertThat(metadata.authorEmail()).hasValue("A. Random Developer <author@example.com>");
        assertThat(metadata.licenseExpression()).hasValue("MIT");
        assertThat(metadata.licenseFiles()).containsExactly("LICENSE", "NOTICE");
        assertThat(metadata.classifiers()).containsExactly("Development Status :: 3 - Alpha", "Topic :: Utilities");
        assertThat(metadata.platforms()).containsExactly("any");
        assertThat(metadata.supportedPlatforms()).containsExactly("linux");
        assertThat(metadata.requiresDist()).containsExactly("peppercorn", "coverage; extra == \"test\"");
        assertThat(metadata.requiresPython()).hasValue(">=3.9");
        assertThat(metadata.projectUrls()).containsExactly(
                Map.entry("Bug Reports", "https://github.com/pypa/sampleproject/issues"),
                Map.entry("Source", "https://github.com/pypa/sampleproject/"));
        assertThat(metadata.providesExtra()).containsExactly("test");
        assertThat(metadata.dynamic()).containsExactly("Requires-Dist");
        assertThat(metadata.unknownFields()).isEmpty();
        assertThat(new MetadataValidator().validate(metadata)).isEmpty();
    }

    @Test
    void acceptsThePluralAndSingularSpellingsOfListFields() {
        Map<String, List<String>> form = required();
        form.put("license_files", List.of("LICENSE"));
        form.put("classifier", List.of("Topic :: Utilities"));
        form.put("platforms", List.of("any"));

        CoreMetadata metadata = MetadataForm.toMetadata(form);

        assertThat(metadata.licenseFiles()).containsExactly("LICENSE");
        assertThat(metadata.classifiers()).containsExactly("Topic :: Utilities");
        assertThat(metadata.platforms()).containsExactly("any");
    }

    @Test
    void treatsBlankValuesAsAbsent() {
        Map<String, List<String>> form = required();
        form.put("summary", List.of("  "));
        form.put("home_page", List.of(""));
        form.put("classifiers", Arrays.asList("", null, "Topic :: Utilities"));
        form.put("requires_python", null);

        CoreMetadata metadata = MetadataForm.toMetadata(form);

        assertThat(metadata.summary()).isEmpty();
        assertThat(metadata.homePage()).isEmpty();
        assertThat(metadata.classifiers()).containsExactly("Topic :: Utilities");
        assertThat(metadata.requiresPython()).isEmpty();
    }

    @Test
    void keepsTheDeprecatedFieldsOfOldClients() {
        Map<String, List<String>> form = required();
        form.put("requires", List.of("re"));

        assertThat(MetadataForm.toMetadata(form).unknownFields()).containsExactly(Map.entry("Requires", List.of("re")));
    }

    @Test
    void joinsKeywordsSentAsSeveralValues() {
        Map<String, List<String>> form = required();
        form.put("keywords", List.of("a, b", "c"));

        assertThat(MetadataForm.toMetadata(form).keywords()).containsExactly("a", "b", "c");
    }

    @Test
    void rejectsAFormWithoutTheRequiredFields() {
        assertThatThrownBy(() -> MetadataForm.toMetadata(Map.of("name", List.of("x"))))
                .isInstanceOfSatisfying(InvalidMetadataException.class, e -> {
                    assertThat(e.problems()).extracting(MetadataProblem::field)
                            .containsExactly("Metadata-Version", "Version");
                    assertThat(e.getMessage()).contains("missing from the upload form");
                });
    }

    @Test
    void rejectsASingleUseFieldSentTwice() {
        Map<String, List<String>> form = required();
        form.put("version", List.of("1.0", "2.0"));

        assertThatThrownBy(() -> MetadataForm.toMetadata(form))
                .isInstanceOf(InvalidMetadataException.class)
                .hasMessageContaining("Version: given 2 times in the upload form");
    }

    @Test
    void rejectsDuplicateProjectUrlLabels() {
        Map<String, List<String>> form = required();
        form.put("project_urls", List.of("Docs, https://a.example", "Docs, https://b.example"));

        assertThatThrownBy(() -> MetadataForm.toMetadata(form)).isInstanceOf(InvalidMetadataException.class);
    }

    @Test
    void ignoresNullKeysAndFieldsThatAreNotMetadata() {
        Map<String, List<String>> form = required();
        form.put(null, List.of("x"));
        form.put("gpg_signature", List.of("sig"));
        form.put("attestations", List.of("[]"));

        assertThat(MetadataForm.toMetadata(form).unknownFields()).isEmpty();
    }

    @Test
    void agreesWithTheFileWhenNamesAndVersionsDifferOnlyInSpelling() {
        CoreMetadata form = MetadataForm.toMetadata(twineForm());
        CoreMetadata file = MetadataParser.parse(FILE);

        assertThat(MetadataForm.disagreements(form, file)).isEmpty();
    }

    @Test
    void reportsEachDisagreementOnOneLine() {
        CoreMetadata form = MetadataForm.toMetadata(twineForm());
        CoreMetadata file = MetadataParser.parse("""
                Metadata-Version: 2.4
                Name: other-project
                Version: 1.0.1
                Summary: A sample
                  project
                Description-Content-Type: text/x-rst
                Requires-Dist: peppercorn
                Requires-Dist: evil-package
                Provides-Extra: test
                License-Expression: GPL-3.0-only
                """);

        assertThat(MetadataForm.disagreements(form, file)).containsExactly(
                "Name: the upload form says 'Sample_Project' but the file's metadata says 'other-project'",
                "Version: the upload form says '1.0.0' but the file's metadata says '1.0.1'",
                "Summary: the upload form says 'A sample project' but the file's metadata says 'A sample\\n  project'",
                "Description-Content-Type: the upload form says 'text/markdown' but the file's metadata says "
                        + "'text/x-rst'",
                "Requires-Python: the upload form says '>=3.9' but the file's metadata says nothing",
                "Requires-Dist: 'evil-package' is in the file's metadata but not in the upload form",
                "Requires-Dist: 'coverage; extra == \"test\"' is in the upload form but not in the file's metadata",
                "License-Expression: the upload form says 'MIT' but the file's metadata says 'GPL-3.0-only'");
    }

    @Test
    void formSilentOnAFieldDoesNotContradictTheFile() {
        CoreMetadata file = MetadataParser.parse("Metadata-Version: 2.1\nName: sample\nVersion: 1.0\n"
                + "Summary: Something\nRequires-Python: >=3.8\nRequires-Dist: attrs\n");

        assertThat(MetadataForm.disagreements(MetadataForm.toMetadata(required()), file)).isEmpty();
    }

    @Test
    void comparesExtrasByTheirNormalisedNames() {
        Map<String, List<String>> form = required();
        form.put("provides_extra", List.of("Dev_Tools"));
        CoreMetadata file = MetadataParser.parse("Metadata-Version: 2.1\nName: sample\nVersion: 1.0\n"
                + "Provides-Extra: dev-tools\n");

        assertThat(MetadataForm.disagreements(MetadataForm.toMetadata(form), file)).isEmpty();
    }

    @Test
    void countsRepeatedRequirements() {
        Map<String, List<String>> form = required();
        form.put("requires_dist", List.of("a", "a"));
        CoreMetadata file = MetadataParser.parse("Metadata-Version: 2.1\nName: sample\nVersion: 1.0\n"
                + "Requires-Dist: a\n");

        assertThat(MetadataForm.disagreements(MetadataForm.toMetadata(form), file))
                .containsExactly("Requires-Dist: 'a' is in the upload form but not in the file's metadata");
    }

    @Test
    void comparesRequiresPythonAsASetOfClauses() {
        Map<String, List<String>> form = required();
        form.put("requires_python", List.of(">=3.9, <4"));
        CoreMetadata file = MetadataParser.parse("Metadata-Version: 2.1\nName: sample\nVersion: 1.0\n"
                + "Requires-Python: <4,>=3.9\n");

        assertThat(MetadataForm.disagreements(MetadataForm.toMetadata(form), file)).isEmpty();
    }

    @Test
    void comparesRequirementsByMeaning() {
        Map<String, List<String>> form = required();
        form.put("requires_dist", List.of("Requests[socks,security] >= 2.8, <3 ; python_version < '3.8'"));
        CoreMetadata file = MetadataParser.parse("Metadata-Version: 2.1\nName: sample\nVersion: 1.0\n"
                + "Requires-Dist: requests[security,socks]<3,>=2.8; python_version < \"3.8\"\n");

        assertThat(MetadataForm.disagreements(MetadataForm.toMetadata(form), file)).isEmpty();
    }

    private static Map<String, List<String>> required() {
        Map<String, List<String>> form = new HashMap<>();
        form.put("metadata_version", List.of("2.1"));
        form.put("name", List.of("sample"));
        form.put("version", List.of("1.0"));
        return form;
    }
}
