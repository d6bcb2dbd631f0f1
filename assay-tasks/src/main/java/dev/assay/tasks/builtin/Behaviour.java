package dev.assay.tasks.builtin;

import dev.assay.tasks.sandbox.TraceEvent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a traced step did beyond its {@link TraceBaseline}, as plain items of a kind and a value, kept in the raw
 * data ({@code behaviour}) so the server can compare one release's behaviour with the previous one's: network
 * attempts ({@code network}: address:port), programs started ({@code program}: file name), writes outside the
 * environment and workspace ({@code file-write}: path) and native libraries opened from the installed packages
 * ({@code native-lib}: path below {@code site-packages}) from the trace, and the environment variables its Python
 * code read ({@code env}: the name), which strace cannot see, from the {@link EnvReads} recorder's file.
 */
public final class Behaviour {

    /** The raw-data value the items are recorded under. */
    public static final String RAW_DATA = "behaviour";
    /**
     * The most items of the trace, and of environment variables, one step records: a package writing thousands of
     * files is told by the first of them.
     */
    static final int MAX_ITEMS = 500;

    private static final Pattern LIBRARY_OPEN = Pattern.compile(
            "open(?:at2?)?\\((?:[^,]*, )?\"([^\"]*/site-packages/[^\"]*\\.so(?:\\.[0-9.]+)?)\".*\\) = \\d+");

    private Behaviour() {
    }

    /**
     * The items of the trace at {@code traceFile}, written by a step whose workspace was {@code workspaceInside},
     * then the environment variables recorded in {@code envReadsFile}: at most {@link #MAX_ITEMS} of each. Without a
     * measured baseline there are no environment items, since the tools' own reads would pass for the package's.
     */
    static List<Map<String, String>> of(Path traceFile, Path envReadsFile, String workspaceInside,
                                        TraceBaseline baseline) throws IOException {
        List<Map<String, String>> items = new ArrayList<>(of(traceFile, workspaceInside, baseline));
        if (baseline.measured()) {
            items.addAll(EnvReads.items(envReadsFile, baseline.envReads()));
        }
        return List.copyOf(items);
    }

    /** The items of the trace at {@code traceFile}, written by a step whose workspace was {@code workspaceInside}. */
    static List<Map<String, String>> of(Path traceFile, String workspaceInside, TraceBaseline baseline)
            throws IOException {
        if (!Files.isRegularFile(traceFile)) {
            return List.of();
        }
        Set<Map<String, String>> items = new LinkedHashSet<>();
        for (TraceEvent event : TraceFindings.events(traceFile, workspaceInside, baseline)) {
            item(event, baseline).ifPresent(items::add);
        }
        for (String line : Files.readAllLines(traceFile, StandardCharsets.ISO_8859_1)) {
            Matcher open = LIBRARY_OPEN.matcher(line);
            if (open.find()) {
                String path = open.group(1);
                // the venv's site-packages is in the workspace; the worker's own Python's is not the release's
                if (!path.startsWith(workspaceInside + "/")) {
                    continue;
                }
                items.add(Map.of("kind", "native-lib", "value",
                        path.substring(path.indexOf("/site-packages/") + "/site-packages/".length())));
            }
        }
        return items.stream().limit(MAX_ITEMS).toList();
    }

    private static Optional<Map<String, String>> item(TraceEvent event, TraceBaseline baseline) {
        if (event instanceof TraceEvent.Connect c && (c.family().equals("AF_INET") || c.family().equals("AF_INET6"))) {
            return Optional.of(Map.of("kind", "network", "value", c.address() + ":" + c.port()));
        }
        if (event instanceof TraceEvent.Connect c && c.family().equals("AF_UNIX") && !c.address().isEmpty()
                && !TraceFindings.NAME_SERVICE_SOCKETS.contains(c.address())) {
            return Optional.of(Map.of("kind", "network", "value", "unix:" + c.address()));
        }
        if (event instanceof TraceEvent.FileWrite w) {
            return Optional.of(Map.of("kind", "file-write", "value", w.path()));
        }
        if (event instanceof TraceEvent.Exec e && !e.program().isEmpty() && !baseline.expected(e.program())) {
            return Optional.of(Map.of("kind", "program", "value",
                    e.program().substring(e.program().lastIndexOf('/') + 1)));
        }
        return Optional.empty();
    }
}
