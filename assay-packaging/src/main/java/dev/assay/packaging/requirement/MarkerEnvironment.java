package dev.assay.packaging.requirement;

import java.math.BigInteger;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The values of the marker variables for one target interpreter and platform, plus the extra being installed
 * ({@code ""} when none). A null value becomes what PEP 508 prescribes for values that cannot be calculated:
 * {@code "0"} for the version variables, {@code ""} for the others.
 */
public record MarkerEnvironment(
        String implementationName,
        String implementationVersion,
        String osName,
        String platformMachine,
        String platformPythonImplementation,
        String platformRelease,
        String platformSystem,
        String platformVersion,
        String pythonFullVersion,
        String pythonVersion,
        String sysPlatform,
        String extra) {

    private static final Pattern MAJOR_MINOR = Pattern.compile("^(\\d+)\\.(\\d+)(?:[.a-zA-Z+]|$)");

    /** Replaces missing values with the PEP 508 defaults. */
    public MarkerEnvironment {
        implementationName = orEmpty(implementationName);
        implementationVersion = Objects.requireNonNullElse(implementationVersion, "0");
        osName = orEmpty(osName);
        platformMachine = orEmpty(platformMachine);
        platformPythonImplementation = orEmpty(platformPythonImplementation);
        platformRelease = orEmpty(platformRelease);
        platformSystem = orEmpty(platformSystem);
        platformVersion = orEmpty(platformVersion);
        pythonFullVersion = Objects.requireNonNullElse(pythonFullVersion, "0");
        pythonVersion = Objects.requireNonNullElse(pythonVersion, "0");
        sysPlatform = orEmpty(sysPlatform);
        extra = orEmpty(extra);
    }

    /**
     * A CPython environment, for example {@code cpython("3.12.4", "linux", "x86_64")}; {@code python_version},
     * {@code os_name}, {@code platform_system} and the implementation variables are derived, the platform release
     * and version are unknown ({@code ""}), and no extra is selected.
     */
    public static MarkerEnvironment cpython(String pythonFullVersion, String sysPlatform, String platformMachine) {
        String platform = requireValue(sysPlatform, "sys_platform");
        return new MarkerEnvironment("cpython", pythonFullVersion, osNameOf(platform), platformMachine, "CPython", "",
                platformSystemOf(platform), "", pythonFullVersion, majorMinor(pythonFullVersion), platform, "");
    }

    /** An environment from variable names to values, as {@code packaging.markers.default_environment()} returns it; unknown names are ignored. */
    public static MarkerEnvironment of(Map<String, String> values) {
        Objects.requireNonNull(values, "values");
        EnumMap<MarkerVariable, String> byVariable = new EnumMap<>(MarkerVariable.class);
        for (MarkerVariable variable : MarkerVariable.values()) {
            byVariable.put(variable, values.get(variable.markerName()));
        }
        return fromVariables(byVariable);
    }

    /** This environment with {@code extra} selected, as when evaluating an extra's dependencies. */
    public MarkerEnvironment withExtra(String extra) {
        return with(MarkerVariable.EXTRA, extra);
    }

    /** This environment with one variable replaced. */
    public MarkerEnvironment with(MarkerVariable variable, String value) {
        EnumMap<MarkerVariable, String> byVariable = new EnumMap<>(MarkerVariable.class);
        for (MarkerVariable each : MarkerVariable.values()) {
            byVariable.put(each, each == MarkerVariable.PYTHON_FULL_VERSION ? pythonFullVersion : value(each));
        }
        byVariable.put(Objects.requireNonNull(variable, "variable"), value);
        return fromVariables(byVariable);
    }

    /** The value of {@code variable} as markers compare it (an untagged build's {@code 3.11.1+} reads as {@code 3.11.1+local}). */
    public String value(MarkerVariable variable) {
        return switch (variable) {
            case IMPLEMENTATION_NAME -> implementationName;
            case IMPLEMENTATION_VERSION -> implementationVersion;
            case OS_NAME -> osName;
            case PLATFORM_MACHINE -> platformMachine;
            case PLATFORM_PYTHON_IMPLEMENTATION -> platformPythonImplementation;
            case PLATFORM_RELEASE -> platformRelease;
            case PLATFORM_SYSTEM -> platformSystem;
            case PLATFORM_VERSION -> platformVersion;
            // Untagged CPython builds report "3.11.1+", which is not PEP 440; pypa repairs it the same way.
            case PYTHON_FULL_VERSION -> pythonFullVersion.endsWith("+") ? pythonFullVersion + "local" : pythonFullVersion;
            case PYTHON_VERSION -> pythonVersion;
            case SYS_PLATFORM -> sysPlatform;
            case EXTRA -> extra;
        };
    }

    private static MarkerEnvironment fromVariables(Map<MarkerVariable, String> v) {
        return new MarkerEnvironment(v.get(MarkerVariable.IMPLEMENTATION_NAME), v.get(MarkerVariable.IMPLEMENTATION_VERSION),
                v.get(MarkerVariable.OS_NAME), v.get(MarkerVariable.PLATFORM_MACHINE),
                v.get(MarkerVariable.PLATFORM_PYTHON_IMPLEMENTATION), v.get(MarkerVariable.PLATFORM_RELEASE),
                v.get(MarkerVariable.PLATFORM_SYSTEM), v.get(MarkerVariable.PLATFORM_VERSION),
                v.get(MarkerVariable.PYTHON_FULL_VERSION), v.get(MarkerVariable.PYTHON_VERSION),
                v.get(MarkerVariable.SYS_PLATFORM), v.get(MarkerVariable.EXTRA));
    }

    private static String majorMinor(String pythonFullVersion) {
        Matcher matcher = MAJOR_MINOR.matcher(requireValue(pythonFullVersion, "python_full_version"));
        if (!matcher.find()) {
            throw new InvalidMarkerEnvironmentException("python_full_version '" + pythonFullVersion
                    + "' does not start with major.minor, as in '3.12.4'");
        }
        return new BigInteger(matcher.group(1)) + "." + new BigInteger(matcher.group(2));
    }

    private static String osNameOf(String sysPlatform) {
        return sysPlatform.equals("win32") ? "nt" : "posix";
    }

    private static String platformSystemOf(String sysPlatform) {
        if (sysPlatform.startsWith("linux")) {
            return "Linux";
        }
        if (sysPlatform.startsWith("freebsd")) {
            return "FreeBSD";
        }
        return switch (sysPlatform) {
            case "darwin" -> "Darwin";
            case "win32" -> "Windows";
            case "emscripten" -> "Emscripten";
            default -> "";
        };
    }

    private static String requireValue(String value, String variable) {
        if (value == null || value.isBlank()) {
            throw new InvalidMarkerEnvironmentException(variable + " is required and must not be blank, got "
                    + (value == null ? "null" : "'" + value + "'"));
        }
        return value;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
