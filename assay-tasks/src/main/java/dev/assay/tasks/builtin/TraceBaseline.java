package dev.assay.tasks.builtin;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a traced step does on its own, whatever the package: the programs it starts (by file name) and
 * where it may write. Kept in the raw data so a report can be recomputed without the code that ran.
 *
 * @param programs       file names of programs the tool itself starts; any Python interpreter is allowed
 * @param writablePaths  sandbox paths (and everything under them) the step may write
 */
public record TraceBaseline(Set<String> programs, List<String> writablePaths) {

    private static final Pattern PYTHON = Pattern.compile("python[0-9.]*");

    /**
     * pip installing an empty wheel, as observed on Debian's pip 23: it runs {@code lsb_release -a} (a
     * shell script using getopt, cut and tr) and {@code uname -rs} for its user agent.
     */
    public static final Set<String> PIP_PROGRAMS = Set.of("lsb_release", "getopt", "cut", "tr", "uname", "sh",
            "rustc");

    public TraceBaseline {
        programs = Set.copyOf(programs);
        writablePaths = List.copyOf(writablePaths);
    }

    public boolean expected(String program) {
        String name = program.substring(program.lastIndexOf('/') + 1);
        return PYTHON.matcher(name).matches() || programs.contains(name);
    }

    public Map<String, Object> toRawData() {
        return Map.of("programs", programs.stream().sorted().toList(), "writablePaths", writablePaths);
    }

    /** Reads {@link #toRawData()} back, also after a JSON round trip. */
    static TraceBaseline fromRawData(Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("no trace baseline in the raw data");
        }
        return new TraceBaseline(Set.copyOf(strings(map.get("programs"))), strings(map.get("writablePaths")));
    }

    private static List<String> strings(Object value) {
        return value instanceof Collection<?> values ? values.stream().map(String::valueOf).toList() : List.of();
    }
}
