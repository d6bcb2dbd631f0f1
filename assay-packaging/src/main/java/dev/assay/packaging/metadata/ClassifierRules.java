package dev.assay.packaging.metadata;

import java.util.Arrays;
import java.util.function.Predicate;

/** Checks classifiers against a trove list (or their form), and warns about License classifiers beside SPDX. */
final class ClassifierRules {
    private static final String LICENSE_PREFIX = "License ::";

    private ClassifierRules() {
    }

    /** Whether {@code classifier} has the trove form {@code Topic :: Subtopic[ :: …]} with no empty part. */
    static boolean hasTroveForm(String classifier) {
        String[] parts = classifier.split(" :: ", -1);
        return parts.length >= 2 && Arrays.stream(parts).allMatch(ClassifierRules::isTrovePart);
    }

    private static boolean isTrovePart(String part) {
        return !part.isBlank() && part.strip().equals(part) && !part.contains("::");
    }

    static void check(CoreMetadata metadata, Predicate<String> knownClassifier, Problems problems) {
        for (String classifier : metadata.classifiers()) {
            if (!knownClassifier.test(classifier)) {
                problems.add(MetadataField.CLASSIFIER, "'" + classifier + "' is not a known trove classifier; use "
                        + "one from https://pypi.org/classifiers/ (form 'Topic :: Subtopic')");
            } else if (metadata.licenseExpression().isPresent() && classifier.startsWith(LICENSE_PREFIX)) {
                problems.warn(MetadataField.CLASSIFIER, "'" + classifier + "' is superseded by License-Expression "
                        + "(PEP 639); remove the License classifier");
            }
        }
    }
}
