package dev.assay.packaging.version;

import java.util.List;

/** The PEP 440 total order: epoch, release, then dev < pre < final < post, then local labels. */
final class VersionOrder {
    private VersionOrder() {
    }

    static int compare(Version left, Version right) {
        int result = Long.compare(left.epoch(), right.epoch());
        if (result == 0) {
            result = compareRelease(left.significantRelease(), right.significantRelease());
        }
        if (result == 0) {
            result = comparePre(left, right);
        }
        if (result == 0) {
            // no post-release sorts before any post-release
            result = compareMissingFirst(left.postOrNull(), right.postOrNull());
        }
        if (result == 0) {
            // no dev-release sorts after any dev-release
            result = compareMissingLast(left.devOrNull(), right.devOrNull());
        }
        if (result == 0) {
            result = LocalSegments.compare(left.localSegments(), right.localSegments());
        }
        return result;
    }

    private static int compareRelease(List<Long> left, List<Long> right) {
        int shared = Math.min(left.size(), right.size());
        for (int i = 0; i < shared; i++) {
            int result = Long.compare(left.get(i), right.get(i));
            if (result != 0) {
                return result;
            }
        }
        // trailing zeros are gone, so the longer release is the larger one
        return Integer.compare(left.size(), right.size());
    }

    /** Rank of the pre-release slot: a bare dev release sorts before every pre-release, a final after. */
    private static int comparePre(Version left, Version right) {
        int byRank = Integer.compare(preRank(left), preRank(right));
        if (byRank != 0 || left.preOrNull() == null) {
            return byRank;
        }
        return left.preOrNull().compareTo(right.preOrNull());
    }

    private static int preRank(Version version) {
        if (version.preOrNull() != null) {
            return 1;
        }
        boolean bareDev = version.postOrNull() == null && version.devOrNull() != null;
        return bareDev ? 0 : 2;
    }

    private static int compareMissingFirst(Long left, Long right) {
        if (left == null || right == null) {
            return left == null ? (right == null ? 0 : -1) : 1;
        }
        return Long.compare(left, right);
    }

    private static int compareMissingLast(Long left, Long right) {
        if (left == null || right == null) {
            return left == null ? (right == null ? 0 : 1) : -1;
        }
        return Long.compare(left, right);
    }
}
