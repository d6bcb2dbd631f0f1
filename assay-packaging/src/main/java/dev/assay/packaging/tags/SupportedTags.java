package dev.assay.packaging.tags;

import dev.assay.packaging.filename.WheelFileName;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * The tags a target interpreter supports, most preferred first, as pip's {@code packaging.tags.sys_tags()} lists
 * them for CPython: {@code cpXY-cpXY}, {@code cpXY-abi3}, {@code cpXY-none} and older {@code cp3Y-abi3} on each
 * platform, then {@code py3X}/{@code py3}/older {@code py3Y} {@code -none-} on each platform, then the {@code any}
 * ones. Another implementation gets the {@code py} tags only. A wheel suits the target when one of its tags is
 * listed; of several, pip installs the one whose best tag comes first.
 */
public final class SupportedTags {

    private final TargetPython target;
    private final List<String> ordered;
    private final Map<String, Integer> rankOf = new HashMap<>();

    private SupportedTags(TargetPython target, List<String> ordered) {
        this.target = target;
        this.ordered = List.copyOf(ordered);
        for (int i = 0; i < this.ordered.size(); i++) {
            rankOf.putIfAbsent(this.ordered.get(i), i);
        }
    }

    /** The supported tags of {@code target}. */
    public static SupportedTags of(TargetPython target) {
        List<String> platforms = PlatformTags.of(target);
        List<String> tags = new ArrayList<>();
        if (target.isCPython()) {
            cpython(target, platforms, tags);
        }
        compatible(target, platforms, tags);
        return new SupportedTags(target, tags);
    }

    /** The interpreter these tags are for. */
    public TargetPython target() {
        return target;
    }

    /** Every supported tag, most preferred first, e.g. {@code cp311-cp311-manylinux_2_36_x86_64}. */
    public List<String> ordered() {
        return ordered;
    }

    /** Whether {@code wheel} can be installed on the target. */
    public boolean supports(WheelFileName wheel) {
        return rank(wheel).isPresent();
    }

    /** The position of the wheel's most preferred supported tag (lower is better), or empty if it has none. */
    public OptionalInt rank(WheelFileName wheel) {
        return wheel.tags().stream().filter(rankOf::containsKey).mapToInt(rankOf::get).min();
    }

    /** Of {@code candidates}, the one whose wheel pip would prefer; empty if none suits the target. */
    public <T> Optional<T> best(Collection<T> candidates, Function<T, WheelFileName> wheel) {
        return candidates.stream().filter(candidate -> supports(wheel.apply(candidate)))
                .min(Comparator.comparingInt(candidate -> rank(wheel.apply(candidate)).getAsInt()));
    }

    // packaging.tags.cpython_tags for a release build: its own ABI, then the stable ABI, then none; and older
    // versions' stable-ABI wheels last, since abi3 is forward compatible.
    private static void cpython(TargetPython target, List<String> platforms, List<String> tags) {
        String interpreter = "cp" + target.versionNoDot();
        // Before 3.8 a release build's ABI tag carried the pymalloc 'm'.
        String abi = target.major() == 3 && target.minor() < 8 ? interpreter + "m" : interpreter;
        boolean abi3 = target.major() > 3 || (target.major() == 3 && target.minor() >= 2);
        platforms.forEach(platform -> tags.add(interpreter + "-" + abi + "-" + platform));
        if (abi3) {
            platforms.forEach(platform -> tags.add(interpreter + "-abi3-" + platform));
        }
        platforms.forEach(platform -> tags.add(interpreter + "-none-" + platform));
        if (abi3) {
            for (int minor = target.minor() - 1; minor > 1; minor--) {
                String older = "cp" + target.major() + minor;
                platforms.forEach(platform -> tags.add(older + "-abi3-" + platform));
            }
        }
    }

    // packaging.tags.compatible_tags: version-only (py) tags on each platform, then on any platform.
    private static void compatible(TargetPython target, List<String> platforms, List<String> tags) {
        List<String> pythons = new ArrayList<>();
        pythons.add("py" + target.versionNoDot());
        pythons.add("py" + target.major());
        for (int minor = target.minor() - 1; minor >= 0; minor--) {
            pythons.add("py" + target.major() + minor);
        }
        for (String python : pythons) {
            platforms.forEach(platform -> tags.add(python + "-none-" + platform));
        }
        if (target.isCPython()) {
            tags.add("cp" + target.versionNoDot() + "-none-any");
        }
        pythons.forEach(python -> tags.add(python + "-none-any"));
    }
}
