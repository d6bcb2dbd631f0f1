package dev.assay.packaging.version;

import java.util.List;

/** Normalisation and ordering of local version labels ({@code +ubuntu.1}). */
final class LocalSegments {
    private LocalSegments() {
    }

    static boolean isNumeric(String segment) {
        return !segment.isEmpty() && segment.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** Numeric segments compare as integers, so their leading zeros carry no meaning and are dropped. */
    static String normalise(String segment) {
        if (!isNumeric(segment)) {
            return segment;
        }
        int firstSignificant = 0;
        while (firstSignificant < segment.length() - 1 && segment.charAt(firstSignificant) == '0') {
            firstSignificant++;
        }
        return segment.substring(firstSignificant);
    }

    /** PEP 440: segment by segment, numeric beats alphanumeric, and a longer label wins a shared prefix. */
    static int compare(List<String> left, List<String> right) {
        int shared = Math.min(left.size(), right.size());
        for (int i = 0; i < shared; i++) {
            int bySegment = compareSegment(left.get(i), right.get(i));
            if (bySegment != 0) {
                return bySegment;
            }
        }
        return Integer.compare(left.size(), right.size());
    }

    private static int compareSegment(String left, String right) {
        boolean leftNumeric = isNumeric(left);
        boolean rightNumeric = isNumeric(right);
        if (leftNumeric && rightNumeric) {
            // normalised digits have no leading zeros: the longer one is larger, and no overflow is possible
            int byLength = Integer.compare(left.length(), right.length());
            return byLength != 0 ? byLength : left.compareTo(right);
        }
        if (leftNumeric != rightNumeric) {
            return leftNumeric ? 1 : -1;
        }
        return left.compareTo(right);
    }
}
