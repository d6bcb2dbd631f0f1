package org.example.linecount;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import dev.assay.tasks.DataKey;
import dev.assay.tasks.Task;
import dev.assay.tasks.TaskContext;
import dev.assay.tasks.TaskResult;

/**
 * An example Assay pipeline task: counts the lines of the {@code .py} files in the wheel under test, records the
 * counts as raw data and publishes the total as {@code py-lines} for tasks that want it.
 */
public final class LineCountTask implements Task {

    /** The data this task publishes: the total number of lines, an {@link Integer}. */
    public static final DataKey PY_LINES = DataKey.of("py-lines");

    @Override
    public String name() {
        return "line-count";
    }

    @Override
    public Set<DataKey> consumes() {
        return Set.of(DataKey.WHEEL);
    }

    @Override
    public Set<DataKey> produces() {
        return Set.of(PY_LINES);
    }

    @Override
    public TaskResult run(TaskContext context) throws IOException {
        Path wheel = context.input(DataKey.WHEEL, Path.class);
        int files = 0;
        int lines = 0;
        try (ZipFile zip = new ZipFile(context.workspace().resolve(wheel).toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements() && !context.isCancelled()) {
                ZipEntry entry = entries.nextElement();
                if (!entry.isDirectory() && entry.getName().endsWith(".py")) {
                    files++;
                    lines += countLines(zip, entry);
                }
            }
        }
        context.record("pyFiles", files);
        context.record("pyLines", lines);
        context.log("counted " + lines + " lines in " + files + " .py file(s)");
        context.publish(PY_LINES, lines);
        return TaskResult.passed(lines + " lines of Python in " + files + " file(s)");
    }

    private static int countLines(ZipFile zip, ZipEntry entry) throws IOException {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(zip.getInputStream(entry),
                StandardCharsets.UTF_8))) {
            int count = 0;
            while (reader.readLine() != null) {
                count++;
            }
            return count;
        }
    }
}
