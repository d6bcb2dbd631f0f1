package dev.assay.server.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The local mirror of real PyPI files that this machine's pip configuration names ({@code pip config list}:
 * index-url, extra-index-url and find-links entries that are local folders or {@code file:} URLs), so that a
 * test finds the mirror wherever it lives. Remote indexes are ignored: tests never use the network.
 */
public final class PipMirror {

    private static final Pattern CONFIG_LINE = Pattern.compile("^[^=]*\\.(index-url|extra-index-url|find-links)='(.*)'$");
    private static final Pattern HREF = Pattern.compile("href=\"([^\"#]+)");

    private final List<Path> sources;
    private final Map<String, Path> wheels;

    private PipMirror(List<Path> sources, Map<String, Path> wheels) {
        this.sources = List.copyOf(sources);
        this.wheels = wheels;
    }

    /** Reads {@code pip config list} (not isolated: the machine's configuration is the point) and the files it names. */
    public static PipMirror configured() {
        List<Path> sources = new ArrayList<>();
        for (String line : pipConfig()) {
            Matcher matcher = CONFIG_LINE.matcher(line.strip());
            if (matcher.matches()) {
                Arrays.stream(matcher.group(2).split("\\s+")).map(PipMirror::localPath)
                        .filter(path -> path != null && Files.isDirectory(path) && !sources.contains(path))
                        .forEach(sources::add);
            }
        }
        Map<String, Path> wheels = new TreeMap<>();
        for (Path source : sources) {
            (hasProjectPages(source) ? indexWheels(source) : folderWheels(source)).forEach(wheel ->
                    wheels.putIfAbsent(wheel.getFileName().toString(), wheel));
        }
        return new PipMirror(sources, wheels);
    }

    /** The local folders pip's configuration names, in order. */
    public List<Path> sources() {
        return sources;
    }

    /** Every wheel of the mirror smaller than {@code maxBytes}, sorted by file name, one file per name. */
    public List<Path> wheelsSmallerThan(long maxBytes) {
        return wheels.values().stream().filter(wheel -> size(wheel) < maxBytes)
                .sorted(Comparator.comparing(wheel -> wheel.getFileName().toString())).toList();
    }

    private static List<String> pipConfig() {
        for (List<String> command : List.of(List.of("pip", "config", "list"),
                List.of(PythonTools.SYSTEM_PYTHON, "-m", "pip", "config", "list"))) {
            try {
                Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
                String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0) {
                    return output.lines().toList();
                }
            } catch (IOException | InterruptedException unavailable) {
                // try the next way of asking pip, or report no mirror
            }
        }
        return List.of();
    }

    private static Path localPath(String entry) {
        if (entry.isBlank()) {
            return null;
        }
        if (entry.startsWith("file:")) {
            return Path.of(URI.create(entry));
        }
        return entry.contains("://") ? null : Path.of(entry);
    }

    private static boolean hasProjectPages(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.anyMatch(entry -> Files.isRegularFile(entry.resolve("index.html")));
        } catch (IOException unreadable) {
            return false;
        }
    }

    /** A PEP 503 index on disk: each project's page links to its files, relative to the page. */
    private static List<Path> indexWheels(Path index) {
        List<Path> found = new ArrayList<>();
        try (Stream<Path> projects = Files.list(index)) {
            for (Path page : projects.map(project -> project.resolve("index.html")).filter(Files::isRegularFile)
                    .toList()) {
                Matcher href = HREF.matcher(Files.readString(page));
                while (href.find()) {
                    String link = URLDecoder.decode(href.group(1), StandardCharsets.UTF_8);
                    Path file = link.startsWith("file:") ? Path.of(URI.create(href.group(1)))
                            : page.getParent().resolve(link).normalize();
                    if (file.toString().endsWith(".whl") && Files.isRegularFile(file)) {
                        found.add(file);
                    }
                }
            }
        } catch (IOException unreadable) {
            return found;
        }
        return found;
    }

    private static List<Path> folderWheels(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.toString().endsWith(".whl") && Files.isRegularFile(file)).toList();
        } catch (IOException unreadable) {
            return List.of();
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException unreadable) {
            return Long.MAX_VALUE;
        }
    }

    /** Where the mirror was looked for, for messages. */
    @Override
    public String toString() {
        return "pip mirror " + sources + " (" + wheels.size() + " wheels)";
    }
}
