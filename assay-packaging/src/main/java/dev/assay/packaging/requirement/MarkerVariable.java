package dev.assay.packaging.requirement;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** An environment marker variable, such as {@code python_version}, under its PEP 508 name. */
public enum MarkerVariable {
    IMPLEMENTATION_NAME("implementation_name"),
    IMPLEMENTATION_VERSION("implementation_version"),
    OS_NAME("os_name", "os.name"),
    PLATFORM_MACHINE("platform_machine", "platform.machine"),
    PLATFORM_PYTHON_IMPLEMENTATION(
            "platform_python_implementation", "platform.python_implementation", "python_implementation"),
    PLATFORM_RELEASE("platform_release"),
    PLATFORM_SYSTEM("platform_system"),
    PLATFORM_VERSION("platform_version", "platform.version"),
    PYTHON_FULL_VERSION("python_full_version"),
    PYTHON_VERSION("python_version"),
    SYS_PLATFORM("sys_platform", "sys.platform"),
    EXTRA("extra");

    // The legacy PEP 345 and setuptools spellings are exactly the ones pypa/packaging still accepts.
    private static final Map<String, MarkerVariable> BY_SPELLING = Arrays.stream(values())
            .flatMap(variable -> variable.spellings.stream().map(spelling -> Map.entry(spelling, variable)))
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));

    private final String markerName;
    private final List<String> spellings;

    MarkerVariable(String markerName, String... legacySpellings) {
        this.markerName = markerName;
        this.spellings = Stream.concat(Stream.of(markerName), Arrays.stream(legacySpellings)).toList();
    }

    /** The PEP 508 name, as written in normalised markers. */
    public String markerName() {
        return markerName;
    }

    /** The variable spelled {@code spelling}, accepting the legacy aliases pypa/packaging accepts. */
    public static Optional<MarkerVariable> bySpelling(String spelling) {
        return Optional.ofNullable(BY_SPELLING.get(spelling));
    }

    /** Every PEP 508 name, for error messages. */
    static String allMarkerNames() {
        return Arrays.stream(values()).map(MarkerVariable::markerName).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return markerName;
    }
}
