package dev.assay.packaging.version;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A PEP 440 version, normalised on parsing and totally ordered as the specification says;
 * {@code equals} agrees with the ordering, so {@code 1.0} equals {@code 1.0.0}.
 */
public final class Version implements Comparable<Version> {
    /**
     * The longest version accepted, written or normalised: real versions are far shorter, and an index must be
     * able to store every version it accepts (Assay's release column holds 100 characters).
     */
    public static final int MAX_LENGTH = 100;

    private final long epoch;
    private final List<Long> release;
    private final PreRelease pre;
    private final Long post;
    private final Long dev;
    private final List<String> local;
    private final List<Long> releaseWithoutTrailingZeros;

    Version(long epoch, List<Long> release, PreRelease pre, Long post, Long dev, List<String> local) {
        if (release.isEmpty()) {
            throw new InvalidVersionException("A version needs at least one release number");
        }
        this.epoch = epoch;
        this.release = List.copyOf(release);
        this.pre = pre;
        this.post = post;
        this.dev = dev;
        this.local = List.copyOf(local);
        this.releaseWithoutTrailingZeros = withoutTrailingZeros(this.release);
    }

    /** Parses and normalises a version, or throws {@link InvalidVersionException} saying what is wrong. */
    public static Version parse(String text) {
        return VersionParser.parse(text);
    }

    /** The parsed version, or empty when {@code text} is not a valid PEP 440 version. */
    public static Optional<Version> tryParse(String text) {
        try {
            return Optional.of(parse(text));
        } catch (InvalidVersionException e) {
            return Optional.empty();
        }
    }

    /** Whether {@code text} is a valid PEP 440 version. */
    public static boolean isValid(String text) {
        return tryParse(text).isPresent();
    }

    /** The epoch, 0 when none was written. */
    public long epoch() {
        return epoch;
    }

    /** The release numbers as written (after integer normalisation), e.g. [1, 0, 0] for 1.0.0. */
    public List<Long> release() {
        return release;
    }

    /** The first release number. */
    public long major() {
        return releaseNumber(0);
    }

    /** The second release number, 0 when absent. */
    public long minor() {
        return releaseNumber(1);
    }

    /** The third release number, 0 when absent. */
    public long micro() {
        return releaseNumber(2);
    }

    /** The pre-release phase and number, if any. */
    public Optional<PreRelease> pre() {
        return Optional.ofNullable(pre);
    }

    /** The post-release number, if any. */
    public OptionalLong post() {
        return post == null ? OptionalLong.empty() : OptionalLong.of(post);
    }

    /** The development-release number, if any. */
    public OptionalLong dev() {
        return dev == null ? OptionalLong.empty() : OptionalLong.of(dev);
    }

    /** The normalised local label without its {@code +}, if any (e.g. {@code ubuntu.1}). */
    public Optional<String> local() {
        return local.isEmpty() ? Optional.empty() : Optional.of(String.join(".", local));
    }

    /** Whether this is a pre-release: it has a pre-release or a development-release part. */
    public boolean isPrerelease() {
        return pre != null || dev != null;
    }

    /** Whether this has a post-release part. */
    public boolean isPostrelease() {
        return post != null;
    }

    /** Whether this has a development-release part. */
    public boolean isDevrelease() {
        return dev != null;
    }

    /** Whether this has a local label. */
    public boolean isLocal() {
        return !local.isEmpty();
    }

    /** This version without its local label. */
    public Version publicVersion() {
        return local.isEmpty() ? this : new Version(epoch, release, pre, post, dev, List.of());
    }

    /** Only the epoch and the release numbers: {@code 1!2.0rc1.post3+x} gives {@code 1!2.0}. */
    public Version baseVersion() {
        return new Version(epoch, release, null, null, null, List.of());
    }

    /** The release numbers with trailing zeros removed, the form in which they are compared. */
    List<Long> significantRelease() {
        return releaseWithoutTrailingZeros;
    }

    List<String> localSegments() {
        return local;
    }

    @Override
    public int compareTo(Version other) {
        return VersionOrder.compare(this, other);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Version version && compareTo(version) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(epoch, releaseWithoutTrailingZeros, pre, post, dev, local);
    }

    /** The normalised form, e.g. {@code 1!2.0rc1.post3.dev4+ubuntu.1}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        if (epoch != 0) {
            text.append(epoch).append('!');
        }
        text.append(joinRelease(release));
        if (pre != null) {
            text.append(pre);
        }
        if (post != null) {
            text.append(".post").append(post);
        }
        if (dev != null) {
            text.append(".dev").append(dev);
        }
        if (!local.isEmpty()) {
            text.append('+').append(String.join(".", local));
        }
        return text.toString();
    }

    PreRelease preOrNull() {
        return pre;
    }

    Long postOrNull() {
        return post;
    }

    Long devOrNull() {
        return dev;
    }

    private long releaseNumber(int index) {
        return index < release.size() ? release.get(index) : 0;
    }

    private static String joinRelease(List<Long> numbers) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < numbers.size(); i++) {
            text.append(i == 0 ? "" : ".").append(numbers.get(i));
        }
        return text.toString();
    }

    private static List<Long> withoutTrailingZeros(List<Long> numbers) {
        int end = numbers.size();
        while (end > 1 && numbers.get(end - 1) == 0L) {
            end--;
        }
        return Collections.unmodifiableList(new ArrayList<>(numbers.subList(0, end)));
    }
}
