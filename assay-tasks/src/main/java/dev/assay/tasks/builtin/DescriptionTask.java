package dev.assay.tasks.builtin;

import dev.assay.packaging.PackagingException;
import dev.assay.packaging.archive.DistributionMetadata;
import dev.assay.packaging.metadata.CoreMetadata;
import dev.assay.packaging.metadata.MetadataParser;
import dev.assay.tasks.DataKey;
import dev.assay.tasks.Task;
import dev.assay.tasks.TaskContext;
import dev.assay.tasks.TaskResult;
import dev.assay.tasks.sandbox.SandboxResult;
import dev.assay.tasks.sandbox.Sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code description}: renders a reStructuredText description (declared {@code text/x-rst}, or undeclared, which
 * PyPI reads as reStructuredText) as PyPI does, with readme_renderer — no raw HTML, no file inclusion — in the
 * sandbox with the worker's Python, and attaches the HTML as {@value #HTML}. The description is untrusted text, so
 * docutils never parses it outside the sandbox; whoever shows the HTML sanitises it again. Markdown and plain text
 * are left to the server. A description that does not render passes with the reason, shown as text as on PyPI.
 */
public final class DescriptionTask implements Task {

    public static final String NAME = "description";
    /** Raw-data file: the rendered HTML, as readme_renderer wrote it (not yet sanitised by the server). */
    public static final String HTML = "description-html";
    /** Raw data: {@code rendered}, {@code failed} (docutils refused it) or {@code unavailable}. */
    public static final String RESULT = "result";
    /** Raw data: the SHA-256 (hex) of the description's UTF-8 text, so the HTML is shown only for that text. */
    public static final String SHA256 = "descriptionSha256";
    /** Raw data: why it did not render. */
    public static final String MESSAGES = "messages";
    /** Longer descriptions are not rendered: the server shows only their first 512 KiB anyway. */
    static final int MAX_CHARS = 1024 * 1024;
    private static final String SAID = "assay-rst ";

    private final Sandbox sandbox;
    private final BuiltinSettings settings;
    private final DataKey distribution;

    /** Renders the description of the wheel or sdist that {@code distribution} names. */
    public DescriptionTask(Sandbox sandbox, BuiltinSettings settings, DataKey distribution) {
        this.sandbox = sandbox;
        this.settings = settings;
        this.distribution = distribution;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<DataKey> consumes() {
        return Set.of(distribution);
    }

    @Override
    public Set<DataKey> produces() {
        return Set.of();
    }

    @Override
    public TaskResult run(TaskContext context) throws IOException, InterruptedException {
        Path file = context.workspace().resolve(context.input(distribution, Path.class));
        CoreMetadata metadata;
        try {
            metadata = MetadataParser.parse(read(file));
        } catch (PackagingException unreadable) {
            return TaskResult.skipped("the core metadata cannot be read (see the metadata task)");
        }
        String contentType = metadata.descriptionContentType().orElse("text/x-rst");
        context.record("contentType", contentType);
        String kind = contentType.split(";", -1)[0].strip().toLowerCase(Locale.ROOT);
        if (!kind.isEmpty() && !kind.equals("text/x-rst")) {
            return TaskResult.skipped("the description is " + kind + ", which the server renders itself");
        }
        String description = metadata.description().orElse("");
        if (description.isBlank()) {
            return TaskResult.skipped("the release has no description");
        }
        if (description.length() > MAX_CHARS) {
            return TaskResult.skipped("the description is longer than " + MAX_CHARS + " characters: shown as text");
        }
        context.record(SHA256, sha256(description));
        return render(context, description);
    }

    private TaskResult render(TaskContext context, String description) throws IOException, InterruptedException {
        SandboxStep step = new SandboxStep(sandbox, context, settings.limits(), NAME);
        Path source = step.dir().resolve("description.rst");
        Path html = step.dir().resolve("description.html");
        Files.writeString(source, description, StandardCharsets.UTF_8);
        SandboxResult result = step.run("render", step.workspace().relativize(step.dir()).toString(),
                List.of(settings.python().toString(), "-I", step.script("assay_render_rst.py"), step.inside(source),
                        step.inside(html)), Map.of());
        String said = Files.readString(step.logFile("render")).lines().filter(line -> line.startsWith(SAID))
                .findFirst().orElse(SAID + "unavailable the renderer exited with " + result.exitCode());
        String[] parts = said.substring(SAID.length()).split(" ", 2);
        String detail = parts.length > 1 ? parts[1] : "";
        context.record(RESULT, parts[0]);
        switch (parts[0]) {
            case "rendered" -> {
                if (!Files.isRegularFile(html)) {
                    return TaskResult.error("the renderer wrote no HTML");
                }
                context.attach(HTML, html);
                return TaskResult.passed("rendered as reStructuredText by readme_renderer, as PyPI does");
            }
            case "failed" -> {
                context.record(MESSAGES, detail);
                // PyPI would refuse the upload; here the page shows the text, and this says why
                return TaskResult.passed("does not render as reStructuredText, shown as text: " + detail);
            }
            default -> {
                return WorkerTools.missing("readme_renderer");
            }
        }
    }

    private static byte[] read(Path file) {
        return file.getFileName().toString().endsWith(".whl") ? DistributionMetadata.wheelMetadata(file)
                : DistributionMetadata.sdistMetadata(file);
    }

    /** The hex SHA-256 of {@code text}'s UTF-8 bytes, as the server computes it for the release it shows. */
    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java runtime has SHA-256", impossible);
        }
    }
}
