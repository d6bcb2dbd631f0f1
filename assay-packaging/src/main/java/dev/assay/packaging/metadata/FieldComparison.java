package dev.assay.packaging.metadata;

import dev.assay.packaging.name.ProjectName;
import dev.assay.packaging.requirement.InvalidMarkerException;
import dev.assay.packaging.requirement.InvalidRequirementException;
import dev.assay.packaging.requirement.Requirement;
import dev.assay.packaging.version.InvalidSpecifierException;
import dev.assay.packaging.version.InvalidVersionException;
import dev.assay.packaging.version.SpecifierSet;
import dev.assay.packaging.version.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/** One field an upload form must agree on with the file's metadata, compared in a canonical form. */
enum FieldComparison {
    NAME(MetadataField.NAME, ProjectName::normalize),
    VERSION(MetadataField.VERSION, FieldComparison::canonicalVersion),
    SUMMARY(MetadataField.SUMMARY, String::strip),
    DESCRIPTION_CONTENT_TYPE(MetadataField.DESCRIPTION_CONTENT_TYPE, FieldComparison::canonicalContentType),
    REQUIRES_PYTHON(MetadataField.REQUIRES_PYTHON, FieldComparison::canonicalSpecifiers),
    REQUIRES_DIST(MetadataField.REQUIRES_DIST, FieldComparison::canonicalRequirement),
    PROVIDES_EXTRA(MetadataField.PROVIDES_EXTRA, ProjectName::normalize),
    LICENSE_EXPRESSION(MetadataField.LICENSE_EXPRESSION, FieldComparison::canonicalLicense);

    private final MetadataField field;
    private final Function<String, Object> canonical;

    FieldComparison(MetadataField field, Function<String, Object> canonical) {
        this.field = field;
        this.canonical = canonical;
    }

    /** One line per disagreement on this field between the form's and the file's values. */
    List<String> disagreements(CoreMetadata form, CoreMetadata file) {
        List<String> formValues = form.values(field);
        List<String> fileValues = file.values(field);
        if (formValues.isEmpty()) {
            // a form that is silent on a field does not contradict the file; hand-written clients send few fields
            return List.of();
        }
        if (!field.multipleUse()) {
            return Objects.equals(canonicalFirst(formValues), canonicalFirst(fileValues))
                    ? List.of()
                    : List.of(field.header() + ": the upload form says " + shown(formValues)
                            + " but the file's metadata says " + shown(fileValues));
        }
        List<String> lines = new ArrayList<>();
        onlyIn(fileValues, formValues).forEach(value -> lines.add(field.header() + ": " + quoted(value)
                + " is in the file's metadata but not in the upload form"));
        onlyIn(formValues, fileValues).forEach(value -> lines.add(field.header() + ": " + quoted(value)
                + " is in the upload form but not in the file's metadata"));
        return lines;
    }

    private Object canonicalFirst(List<String> values) {
        return values.isEmpty() ? null : canonical.apply(values.get(0));
    }

    /** The values of {@code values} with no canonical counterpart left in {@code others}, counting repeats. */
    private List<String> onlyIn(List<String> values, List<String> others) {
        List<Object> unmatched = new ArrayList<>(others.stream().map(canonical).toList());
        List<String> result = new ArrayList<>();
        for (String value : values) {
            if (!unmatched.remove(canonical.apply(value))) {
                result.add(value);
            }
        }
        return result;
    }

    private static String shown(List<String> values) {
        return values.isEmpty() ? "nothing" : quoted(values.get(0));
    }

    private static String quoted(String value) {
        return "'" + value.replace("\r", "\\r").replace("\n", "\\n") + "'";
    }

    /** PEP 440 equality: {@code 1.0}, {@code 1.0.0} and {@code v1.0} compare equal. */
    private static Object canonicalVersion(String version) {
        try {
            return Version.parse(version);
        } catch (InvalidVersionException e) {
            return version.strip();
        }
    }

    /** Specifier sets compare equal when they hold the same clauses in any order: {@code <4,>=3.9}. */
    private static Object canonicalSpecifiers(String specifiers) {
        try {
            return SpecifierSet.parse(specifiers);
        } catch (InvalidSpecifierException e) {
            return withoutSpaces(specifiers);
        }
    }

    /** Requirements compare by meaning: normalised name, extras, clauses in any order, and marker. */
    private static Object canonicalRequirement(String requirement) {
        try {
            return Requirement.parse(requirement);
        } catch (InvalidRequirementException | InvalidMarkerException e) {
            return withoutSpaces(requirement);
        }
    }

    private static String canonicalContentType(String contentType) {
        return withoutSpaces(contentType).toLowerCase(Locale.ROOT);
    }

    private static String canonicalLicense(String expression) {
        try {
            return LicenseExpression.parse(expression).text().toLowerCase(Locale.ROOT);
        } catch (InvalidLicenseExpressionException e) {
            return expression.strip();
        }
    }

    private static String withoutSpaces(String value) {
        return value.replaceAll("\\s+", "");
    }
}
