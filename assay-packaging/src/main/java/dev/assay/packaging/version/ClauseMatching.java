package dev.assay.packaging.version;

import java.util.List;
import java.util.Objects;

/** The PEP 440 meaning of each comparison, applied to a candidate and a clause's version. */
final class ClauseMatching {
    private ClauseMatching() {
    }

    /** {@code ~=V.N}: at least V.N and within the prefix V (the release without its last number). */
    static boolean compatible(Version candidate, Version spec) {
        List<Long> release = spec.release();
        List<Long> prefix = release.subList(0, release.size() - 1);
        return candidate.publicVersion().compareTo(spec) >= 0 && matchesPrefix(candidate, spec.epoch(), prefix);
    }

    /** {@code ==V}: a spec without a local label ignores the candidate's local label. */
    static boolean equal(Version candidate, Version spec) {
        return spec.isLocal() ? candidate.equals(spec) : candidate.publicVersion().equals(spec);
    }

    /** {@code ==V.*}: the candidate's release, zero-padded, starts with V's release; pre/post/dev/local ignored. */
    static boolean matchesPrefix(Version candidate, long epoch, List<Long> prefix) {
        if (candidate.epoch() != epoch) {
            return false;
        }
        List<Long> release = candidate.release();
        for (int i = 0; i < prefix.size(); i++) {
            long number = i < release.size() ? release.get(i) : 0L;
            if (number != prefix.get(i)) {
                return false;
            }
        }
        return true;
    }

    static boolean lessOrEqual(Version candidate, Version spec) {
        return candidate.publicVersion().compareTo(spec) <= 0;
    }

    static boolean greaterOrEqual(Version candidate, Version spec) {
        return candidate.publicVersion().compareTo(spec) >= 0;
    }

    /** {@code <V} excludes V's own pre-releases unless V is itself a pre-release. */
    static boolean less(Version candidate, Version spec) {
        return candidate.publicVersion().compareTo(spec) < 0 && !isPrereleaseOf(candidate, spec);
    }

    /** {@code >V} excludes V's own post-releases unless V is itself one, and V's local versions. */
    static boolean greater(Version candidate, Version spec) {
        // comparing the public version already rules out V+local, which sorts after V
        return candidate.publicVersion().compareTo(spec) > 0 && !isPostreleaseOf(candidate, spec);
    }

    private static boolean isPrereleaseOf(Version candidate, Version spec) {
        if (spec.isPrerelease() || !candidate.isPrerelease() || !sameRelease(candidate, spec)) {
            return false;
        }
        // 1.0.post1.dev0 is a pre-release of 1.0.post1; 1.0a1 and 1.0.post0.dev0 are not
        return spec.postOrNull() == null
                || (candidate.preOrNull() == null && Objects.equals(candidate.postOrNull(), spec.postOrNull()));
    }

    private static boolean isPostreleaseOf(Version candidate, Version spec) {
        // a dev release has no post-releases of its own: 1.0.post0 follows 1.0, not 1.0.dev1
        return !spec.isPostrelease() && spec.devOrNull() == null && candidate.isPostrelease()
                && sameRelease(candidate, spec) && Objects.equals(candidate.preOrNull(), spec.preOrNull());
    }

    private static boolean sameRelease(Version candidate, Version spec) {
        return candidate.epoch() == spec.epoch() && candidate.significantRelease().equals(spec.significantRelease());
    }
}
