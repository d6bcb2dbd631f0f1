package dev.assay.packaging.tags;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The platform tags a target supports, best first, as {@code packaging.tags.platform_tags()} yields them: on Linux
 * {@code manylinux_2_N_<arch>} from the glibc version down (with the legacy {@code manylinux2014}, {@code 2010} and
 * {@code 1} aliases after their {@code 2_17}, {@code 2_12} and {@code 2_5}), then {@code linux_<arch>}; on Windows
 * the one {@code win_*} tag. A glibc target never supports {@code musllinux}. macOS tags depend on the macOS version,
 * which a marker environment does not carry, so a macOS (or any other) target gets none: only {@code any} wheels suit it.
 */
final class PlatformTags {

    // The oldest glibc of a manylinux tag per architecture: PEP 513 started at 2.5 on x86; the others at 2.17 (PEP 599).
    private static final Set<String> SINCE_GLIBC_2_5 = Set.of("x86_64", "i686");
    private static final Set<String> MANYLINUX_ARCHS = Set.of("x86_64", "i686", "aarch64", "armv7l", "ppc64", "ppc64le",
            "s390x", "loongarch64", "riscv64");
    private static final Map<Integer, String> LEGACY_ALIASES = Map.of(17, "manylinux2014", 12, "manylinux2010",
            5, "manylinux1");
    // packaging's guess at a glibc major's last minor, should glibc 3 ever come.
    private static final int LAST_MINOR_GUESS = 50;

    private PlatformTags() {
    }

    static List<String> of(TargetPython target) {
        if (target.isLinux()) {
            return linux(target.machine(), target.glibc());
        }
        if (target.sysPlatform().equals("win32")) {
            return List.of(switch (target.machine()) {
                case "amd64", "x86_64" -> "win_amd64";
                case "arm64", "aarch64" -> "win_arm64";
                default -> "win32";
            });
        }
        return List.of();
    }

    private static List<String> linux(String machine, Glibc glibc) {
        String arch = machine.replaceAll("[-. ]", "_");
        // A 32-bit ARM userland on a 64-bit kernel reports armv8l and runs armv7l wheels too.
        List<String> archs = arch.equals("armv8l") ? List.of("armv8l", "armv7l") : List.of(arch);
        List<String> platforms = new ArrayList<>();
        if (archs.stream().anyMatch(MANYLINUX_ARCHS::contains)) {
            int oldestMinor = archs.stream().anyMatch(SINCE_GLIBC_2_5::contains) ? 5 : 17;
            for (String each : archs) {
                manylinux(each, glibc, oldestMinor, platforms);
            }
        }
        archs.forEach(each -> platforms.add("linux_" + each));
        return List.copyOf(platforms);
    }

    // glibc keeps compatibility across major versions, so every older major's minors follow the current ones.
    private static void manylinux(String arch, Glibc glibc, int oldestMinor, List<String> platforms) {
        for (int major = glibc.major(); major >= 2; major--) {
            int newest = major == glibc.major() ? glibc.minor() : LAST_MINOR_GUESS;
            int oldest = major == 2 ? oldestMinor : 0;
            for (int minor = newest; minor >= oldest; minor--) {
                platforms.add("manylinux_" + major + "_" + minor + "_" + arch);
                if (major == 2 && LEGACY_ALIASES.containsKey(minor)) {
                    platforms.add(LEGACY_ALIASES.get(minor) + "_" + arch);
                }
            }
        }
    }
}
