package dev.assay.packaging.tags;

import dev.assay.packaging.requirement.MarkerEnvironment;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The interpreter a wheel must suit: implementation ({@code sys.implementation.name}), Python {@code major.minor},
 * {@code sys.platform}, {@code platform.machine()} and, on Linux, the glibc version. A CPython target is taken to be
 * a release build with the GIL (no debug {@code d} or free-threaded {@code t} ABI), as distributions ship it.
 *
 * @param implementation the implementation name, e.g. {@code cpython}
 * @param major          the Python major version
 * @param minor          the Python minor version
 * @param sysPlatform    {@code sys.platform}, e.g. {@code linux}
 * @param machine        {@code platform.machine()}, e.g. {@code x86_64}
 * @param glibc          the glibc version, which only a Linux target uses
 */
public record TargetPython(String implementation, int major, int minor, String sysPlatform, String machine,
                           Glibc glibc) {

    private static final Pattern MAJOR_MINOR = Pattern.compile("^(\\d{1,4})\\.(\\d{1,4})");

    /** Normalises the names to lower case and checks the version. */
    public TargetPython {
        implementation = lower(implementation);
        sysPlatform = lower(sysPlatform);
        machine = lower(machine);
        Objects.requireNonNull(glibc, "glibc");
        if (major < 1 || minor < 0) {
            throw new InvalidTargetException("a Python version is major >= 1 and minor >= 0, got " + major + "." + minor);
        }
    }

    /** The interpreter {@code environment} describes, with glibc {@link Glibc#ASSUMED} on Linux. */
    public static TargetPython of(MarkerEnvironment environment) {
        return of(environment, Glibc.ASSUMED);
    }

    /** The interpreter {@code environment} describes, with {@code glibc} on Linux. */
    public static TargetPython of(MarkerEnvironment environment, Glibc glibc) {
        Matcher version = MAJOR_MINOR.matcher(environment.pythonVersion());
        if (!version.find()) {
            version = MAJOR_MINOR.matcher(environment.pythonFullVersion());
            if (!version.find()) {
                throw new InvalidTargetException("python_version '" + environment.pythonVersion()
                        + "' does not start with major.minor, as in '3.12'");
            }
        }
        return new TargetPython(environment.implementationName(), Integer.parseInt(version.group(1)),
                Integer.parseInt(version.group(2)), environment.sysPlatform(), environment.platformMachine(), glibc);
    }

    /** Whether this is CPython, whose wheels carry {@code cpXY} Python and ABI tags. */
    public boolean isCPython() {
        return implementation.equals("cpython");
    }

    /** Whether this runs on Linux, whose binary wheels are {@code manylinux_*} or {@code linux_*}. */
    public boolean isLinux() {
        return sysPlatform.startsWith("linux");
    }

    /** {@code major} and {@code minor} without a dot, as tags write them: {@code 311}. */
    String versionNoDot() {
        return major + "" + minor;
    }

    /** For people: {@code CPython 3.11 on linux x86_64}. */
    public String describe() {
        String name = isCPython() ? "CPython" : implementation.isEmpty() ? "Python" : implementation;
        return name + " " + major + "." + minor + " on " + sysPlatform + " " + machine;
    }

    private static String lower(String value) {
        return value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
    }
}
