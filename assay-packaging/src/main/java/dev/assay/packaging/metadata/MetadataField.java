package dev.assay.packaging.metadata;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Every field core metadata defines, with its header spelling, upload-form name, multiplicity and first version. */
public enum MetadataField {
    METADATA_VERSION("Metadata-Version", Use.SINGLE, MetadataVersion.V1_0),
    NAME("Name", Use.SINGLE, MetadataVersion.V1_0),
    VERSION("Version", Use.SINGLE, MetadataVersion.V1_0),
    DYNAMIC("Dynamic", Use.MULTIPLE, MetadataVersion.V2_2),
    PLATFORM("Platform", Use.MULTIPLE, MetadataVersion.V1_0, "platform", "platforms"),
    SUPPORTED_PLATFORM("Supported-Platform", Use.MULTIPLE, MetadataVersion.V1_1,
            "supported_platform", "supported_platforms"),
    SUMMARY("Summary", Use.SINGLE, MetadataVersion.V1_0),
    DESCRIPTION("Description", Use.SINGLE, MetadataVersion.V1_0),
    DESCRIPTION_CONTENT_TYPE("Description-Content-Type", Use.SINGLE, MetadataVersion.V2_1),
    KEYWORDS("Keywords", Use.SINGLE, MetadataVersion.V1_0),
    HOME_PAGE("Home-page", Use.SINGLE, MetadataVersion.V1_0),
    DOWNLOAD_URL("Download-URL", Use.SINGLE, MetadataVersion.V1_1),
    AUTHOR("Author", Use.SINGLE, MetadataVersion.V1_0),
    AUTHOR_EMAIL("Author-email", Use.SINGLE, MetadataVersion.V1_0),
    MAINTAINER("Maintainer", Use.SINGLE, MetadataVersion.V1_2),
    MAINTAINER_EMAIL("Maintainer-email", Use.SINGLE, MetadataVersion.V1_2),
    LICENSE("License", Use.SINGLE, MetadataVersion.V1_0),
    LICENSE_EXPRESSION("License-Expression", Use.SINGLE, MetadataVersion.V2_4),
    LICENSE_FILE("License-File", Use.MULTIPLE, MetadataVersion.V2_4, "license_file", "license_files"),
    CLASSIFIER("Classifier", Use.MULTIPLE, MetadataVersion.V1_1, "classifiers", "classifier"),
    REQUIRES_DIST("Requires-Dist", Use.MULTIPLE, MetadataVersion.V1_2),
    REQUIRES_PYTHON("Requires-Python", Use.SINGLE, MetadataVersion.V1_2),
    REQUIRES_EXTERNAL("Requires-External", Use.MULTIPLE, MetadataVersion.V1_2),
    PROJECT_URL("Project-URL", Use.MULTIPLE, MetadataVersion.V1_2, "project_urls", "project_url"),
    PROVIDES_EXTRA("Provides-Extra", Use.MULTIPLE, MetadataVersion.V2_1),
    PROVIDES_DIST("Provides-Dist", Use.MULTIPLE, MetadataVersion.V1_2),
    OBSOLETES_DIST("Obsoletes-Dist", Use.MULTIPLE, MetadataVersion.V1_2),
    /** PEP 794: an importable name the distribution provides; one empty value says it provides none. */
    IMPORT_NAME("Import-Name", Use.MULTIPLE, MetadataVersion.V2_5, "import_name", "import_names"),
    /** PEP 794: a namespace package the distribution contributes to. */
    IMPORT_NAMESPACE("Import-Namespace", Use.MULTIPLE, MetadataVersion.V2_5, "import_namespace",
            "import_namespaces"),
    /** Deprecated since 1.2 in favour of Requires-Dist; kept in {@link CoreMetadata#unknownFields()}. */
    REQUIRES("Requires", Use.MULTIPLE, MetadataVersion.V1_1),
    /** Deprecated since 1.2 in favour of Provides-Dist; kept in {@link CoreMetadata#unknownFields()}. */
    PROVIDES("Provides", Use.MULTIPLE, MetadataVersion.V1_1),
    /** Deprecated since 1.2 in favour of Obsoletes-Dist; kept in {@link CoreMetadata#unknownFields()}. */
    OBSOLETES("Obsoletes", Use.MULTIPLE, MetadataVersion.V1_1);

    private enum Use { SINGLE, MULTIPLE }

    private static final Map<String, MetadataField> BY_HEADER = index(field -> Stream.of(field.header));
    private static final Map<String, MetadataField> BY_FORM_NAME = index(field -> field.formNames.stream());

    private final String header;
    private final Use use;
    private final MetadataVersion introduced;
    private final List<String> formNames;

    /** {@code formNames}, when given, start with the name twine sends; otherwise it is derived from the header. */
    MetadataField(String header, Use use, MetadataVersion introduced, String... formNames) {
        this.header = header;
        this.use = use;
        this.introduced = introduced;
        this.formNames = formNames.length > 0
                ? List.of(formNames)
                : List.of(header.toLowerCase(Locale.ROOT).replace('-', '_'));
    }

    /** The field's name as the specification spells it in {@code METADATA}, e.g. {@code Home-page}. */
    public String header() {
        return header;
    }

    /** The name twine gives the field in an upload form, e.g. {@code home_page}. */
    public String formName() {
        return formNames.get(0);
    }

    /** Whether the field may appear more than once. */
    public boolean multipleUse() {
        return use == Use.MULTIPLE;
    }

    /** The metadata version that introduced the field. */
    public MetadataVersion introduced() {
        return introduced;
    }

    /** Whether the field is one of the deprecated 1.1 fields Requires, Provides, Obsoletes. */
    public boolean deprecated() {
        return this == REQUIRES || this == PROVIDES || this == OBSOLETES;
    }

    /** The field whose header is {@code name}, compared case-insensitively as email headers are. */
    public static Optional<MetadataField> fromHeader(String name) {
        return Optional.ofNullable(BY_HEADER.get(name.toLowerCase(Locale.ROOT)));
    }

    /** The field an upload form sends under {@code name} (twine's names, plus the plural spellings). */
    public static Optional<MetadataField> fromFormName(String name) {
        return Optional.ofNullable(BY_FORM_NAME.get(name.toLowerCase(Locale.ROOT)));
    }

    private static Map<String, MetadataField> index(Function<MetadataField, Stream<String>> keys) {
        return Arrays.stream(values())
                .flatMap(field -> keys.apply(field).map(key -> Map.entry(key.toLowerCase(Locale.ROOT), field)))
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
