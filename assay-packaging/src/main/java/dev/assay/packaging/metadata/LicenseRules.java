package dev.assay.packaging.metadata;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks License-Expression (SPDX syntax) and, from metadata version 2.4, License-File (relative, resolved,
 * '/'-separated paths); License beside License-Expression is a warning.
 */
final class LicenseRules {
    private static final Pattern WINDOWS_ABSOLUTE = Pattern.compile("^([A-Za-z]:|[\\\\/]{2}).*");

    private LicenseRules() {
    }

    static void check(CoreMetadata metadata, Optional<MetadataVersion> version, Problems problems) {
        metadata.licenseExpression().ifPresent(expression -> checkExpression(expression, problems));
        if (metadata.license().isPresent() && metadata.licenseExpression().isPresent()) {
            problems.warn(MetadataField.LICENSE, "License is deprecated when License-Expression is given "
                    + "(PEP 639); remove License");
        }
        // before 2.4, License-File is setuptools' own field with other rules, and it never reaches the index
        if (version.map(v -> v.atLeast(MetadataVersion.V2_4)).orElse(true)) {
            metadata.licenseFiles().forEach(path -> checkFile(path, problems));
        }
    }

    private static void checkExpression(String expression, Problems problems) {
        try {
            LicenseExpression.parse(expression);
        } catch (InvalidLicenseExpressionException e) {
            problems.add(MetadataField.LICENSE_EXPRESSION, e.getMessage());
        }
    }

    private static void checkFile(String path, Problems problems) {
        String problem = null;
        if (path.isEmpty()) {
            problem = "a License-File is empty; give the file's path relative to the project root";
        } else if (path.contains("\\")) {
            problem = "'" + path + "' uses '\\'; separate directories with '/'";
        } else if (path.startsWith("/") || WINDOWS_ABSOLUTE.matcher(path).matches()) {
            problem = "'" + path + "' is absolute; give the path relative to the project root";
        } else if (path.contains("..")) {
            problem = "'" + path + "' contains '..'; give a path inside the project without parent references";
        } else if (path.contains("*")) {
            problem = "'" + path + "' is a glob; list each license file's resolved path";
        }
        if (problem != null) {
            problems.add(MetadataField.LICENSE_FILE, problem);
        }
    }
}
