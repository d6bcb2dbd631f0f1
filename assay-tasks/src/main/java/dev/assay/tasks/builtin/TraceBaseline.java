package dev.assay.tasks.builtin;

import dev.assay.tasks.sandbox.TraceEvent;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What a traced step does on its own, whatever the package: the programs it starts (by file name) and
 * where it may write. Kept in the raw data so a report can be recomputed without the code that ran.
 *
 * @param programs      file names of programs the tool itself starts; any Python interpreter is allowed
 * @param writablePaths sandbox paths (and everything under them) the step may write
 * @param source        how the baseline was obtained: {@code measured ...}, or {@code fallback ...} saying why
 * @param envReads      names of the environment variables the step's Python code reads on its own ({@link EnvReads})
 */
public record TraceBaseline(Set<String> programs, List<String> writablePaths, String source, Set<String> envReads) {

    private static final Pattern PYTHON = Pattern.compile("python[0-9.]*");

    /**
     * The known list, used only when measuring fails: pip installing an empty wheel, as observed on Debian's
     * pip 23, runs {@code lsb_release -a} (a shell script using getopt, cut and tr) and {@code uname -rs}
     * for its user agent.
     */
    public static final Set<String> PIP_PROGRAMS = Set.of("lsb_release", "getopt", "cut", "tr", "uname", "sh",
            "rustc");

    public TraceBaseline {
        programs = Set.copyOf(programs);
        writablePaths = List.copyOf(writablePaths);
        source = source == null ? "" : source;
        envReads = Set.copyOf(envReads);
    }

    public TraceBaseline(Set<String> programs, List<String> writablePaths, String source) {
        this(programs, writablePaths, source, Set.of());
    }

    public TraceBaseline(Set<String> programs, List<String> writablePaths) {
        this(programs, writablePaths, "given");
    }

    /** This baseline with {@code names} as the environment variables the step reads on its own. */
    TraceBaseline withEnvReads(Set<String> names) {
        return new TraceBaseline(programs, writablePaths, source, names);
    }

    /**
     * What a run of the step with an empty package did: every program it started (or tried to) and every
     * path it wrote outside the workspace, as the trace's events under a workspace-only policy show them.
     */
    static TraceBaseline observed(List<TraceEvent> events, String source) {
        Set<String> programs = new TreeSet<>();
        Set<String> written = new TreeSet<>();
        for (TraceEvent event : events) {
            if (event instanceof TraceEvent.Exec exec && !exec.program().isEmpty()) {
                programs.add(fileName(exec.program()));
            } else if (event instanceof TraceEvent.FileWrite write) {
                written.add(write.path());
            }
        }
        return new TraceBaseline(programs, List.copyOf(written), source);
    }

    /** Whether the step was measured rather than falling back to the known list, which names no environment reads. */
    boolean measured() {
        return source.startsWith("measured");
    }

    public boolean expected(String program) {
        String name = fileName(program);
        return PYTHON.matcher(name).matches() || programs.contains(name);
    }

    public Map<String, Object> toRawData() {
        return Map.of("programs", programs.stream().sorted().toList(), "writablePaths", writablePaths,
                "source", source, "envReads", envReads.stream().sorted().toList());
    }

    /** Reads {@link #toRawData()} back, also after a JSON round trip. */
    static TraceBaseline fromRawData(Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("no trace baseline in the raw data");
        }
        Object source = map.get("source");
        return new TraceBaseline(Set.copyOf(strings(map.get("programs"))), strings(map.get("writablePaths")),
                source == null ? "" : String.valueOf(source), Set.copyOf(strings(map.get("envReads"))));
    }

    private static String fileName(String program) {
        return program.substring(program.lastIndexOf('/') + 1);
    }

    private static List<String> strings(Object value) {
        return value instanceof Collection<?> values ? values.stream().map(String::valueOf).toList() : List.of();
    }
}
