package dev.assay.tasks.builtin;

import dev.assay.packaging.PackagingException;
import dev.assay.packaging.archive.DistributionMetadata;
import dev.assay.packaging.archive.SafeArchive;
import dev.assay.packaging.metadata.CoreMetadata;
import dev.assay.packaging.metadata.MetadataParser;
import dev.assay.tasks.DataKey;
import dev.assay.tasks.Task;
import dev.assay.tasks.TaskContext;
import dev.assay.tasks.TaskResult;
import dev.assay.tasks.sandbox.Sandbox;
import dev.assay.tasks.sandbox.SandboxResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code lint}: whether the wheel's description renders as its declared {@code Description-Content-Type}
 * (reStructuredText through readme_renderer or docutils, in the sandbox: the text is untrusted; Markdown and
 * plain text are accepted), and the static analysers the worker has — pyflakes, flake8, pylint — run with
 * the worker's Python in the sandbox over the wheel's files, their messages counted by rule. The presence and
 * form of the other metadata fields (summary, license, classifiers, URLs) are the server's {@code metadata}
 * check, not repeated here. Lint passes with its findings listed; it fails only when the wheel is unreadable.
 */
public final class LintTask implements Task {

    public static final String NAME = "lint";
    /** Raw data: rule (e.g. {@code pyflakes/unused-import}) to how many messages it gave. */
    public static final String COUNTS = "lintCounts";
    /** Raw data: each message as {@code analyser, rule, path, line, message}, at most {@value #KEPT}. */
    public static final String FINDINGS = "lintFindings";
    /** Raw data: {@code contentType, result (ok, failed, accepted, unavailable, absent), renderer, messages}. */
    public static final String DESCRIPTION = "description";
    static final int KEPT = 500;
    private static final Pattern MESSAGE = Pattern.compile("^(.+?):(\\d+):([A-Za-z0-9_./-]+):\\s?(.*)$");
    private static final String RENDER = "assay-render ";

    private final Sandbox sandbox;
    private final BuiltinSettings settings;

    public LintTask(Sandbox sandbox, BuiltinSettings settings) {
        this.sandbox = sandbox;
        this.settings = settings;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<DataKey> consumes() {
        return Set.of(DataKey.WHEEL);
    }

    @Override
    public Set<DataKey> produces() {
        return Set.of();
    }

    @Override
    public TaskResult run(TaskContext context) throws IOException, InterruptedException {
        Path wheel = context.workspace().resolve(context.input(DataKey.WHEEL, Path.class));
        SandboxStep step = new SandboxStep(sandbox, context, settings.limits(), NAME);
        Path files = step.dir().resolve("files");
        CoreMetadata metadata;
        try (SafeArchive archive = SafeArchive.open(wheel)) {
            archive.extractTo(files);
            metadata = MetadataParser.parse(DistributionMetadata.wheelMetadata(wheel));
        } catch (PackagingException e) {
            return TaskResult.failed("the wheel cannot be read: " + e.getMessage());
        }
        Map<String, Object> description = description(step, metadata);
        context.record(DESCRIPTION, description);
        context.record("analysers", settings.analysers());
        List<String> targets;
        try (Stream<Path> entries = Files.list(files)) {
            // The wheel's packages and modules, not its .dist-info or .data directories.
            targets = entries.map(p -> p.getFileName().toString())
                    .filter(name -> name.endsWith(".py") || Files.isDirectory(files.resolve(name))
                            && !name.endsWith(".dist-info") && !name.endsWith(".data"))
                    .sorted().toList();
        }
        List<Map<String, Object>> messages = new ArrayList<>();
        for (String analyser : targets.isEmpty() ? List.<String>of() : settings.analysers()) {
            messages.addAll(analyse(step, analyser, files, targets));
        }
        Map<String, Integer> counts = new TreeMap<>();
        messages.forEach(m -> counts.merge((String) m.get("rule"), 1, Integer::sum));
        if ("failed".equals(description.get("result"))) {
            counts.put(LintReport.DESCRIPTION_DOES_NOT_RENDER, 1);
        }
        context.record(COUNTS, counts);
        context.record(FINDINGS, messages.subList(0, Math.min(KEPT, messages.size())));
        if (!settings.analysers().contains("pyflakes")) {
            // the checks above are kept; without the analyser, "nothing found" would be a claim about the package
            return WorkerTools.missing("pyflakes");
        }
        return TaskResult.passed(LintReport.describe(counts, settings.analysers()));
    }

    private Map<String, Object> description(SandboxStep step, CoreMetadata metadata)
            throws IOException, InterruptedException {
        String contentType = metadata.descriptionContentType().orElse("text/x-rst");
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("contentType", contentType);
        if (metadata.description().isEmpty()) {
            result.put("result", "absent");
            return result;
        }
        Path text = step.dir().resolve("description.txt");
        Files.writeString(text, metadata.description().get());
        SandboxResult rendered = step.run("description", step.workspace().relativize(step.dir()).toString(),
                List.of(settings.python().toString(), "-I", step.script("assay_render_description.py"), contentType,
                        step.inside(text)), Map.of());
        String line = Files.readString(step.logFile("description")).lines().filter(l -> l.startsWith(RENDER))
                .findFirst().orElse(RENDER + "unavailable the renderer exited with " + rendered.exitCode());
        String[] parts = line.substring(RENDER.length()).split(" ", 3);
        result.put("result", parts[0]);
        result.put(parts[0].equals("ok") || parts[0].equals("failed") ? "renderer" : "detail",
                parts.length > 1 ? parts[1] : "");
        if (parts.length > 2) {
            result.put("messages", parts[2]);
        }
        return result;
    }

    private List<Map<String, Object>> analyse(SandboxStep step, String analyser, Path files, List<String> targets)
            throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of(settings.python().toString(), "-I"));
        argv.addAll(switch (analyser) {
            case "pyflakes" -> List.of(step.script("assay_pyflakes.py"));
            case "flake8" -> List.of("-m", "flake8", "--format=%(path)s:%(row)d:%(code)s:%(text)s");
            case "pylint" -> List.of("-m", "pylint", "--score=n", "--persistent=n",
                    "--msg-template={path}:{line}:{C}-{symbol}:{msg}");
            default -> throw new IllegalArgumentException("unknown analyser " + analyser);
        });
        argv.addAll(targets);
        step.run(analyser, step.workspace().relativize(files).toString(), argv, Map.of());
        List<Map<String, Object>> found = new ArrayList<>();
        for (String line : Files.readString(step.logFile(analyser)).lines().toList()) {
            Matcher m = MESSAGE.matcher(line);
            if (!m.matches() || m.group(1).contains(".dist-info/")) {
                continue;
            }
            Map<String, Object> message = new LinkedHashMap<>();
            String rule = m.group(3);
            message.put("analyser", analyser);
            if (analyser.equals("pylint") && rule.matches("[A-Z]-.+")) {
                // pylint's category letter (C, R, W, E, F) decides the severity, the symbol names the rule.
                message.put("category", rule.substring(0, 1));
                rule = rule.substring(2);
            }
            message.put("rule", analyser + "/" + rule);
            message.put("path", m.group(1).startsWith("./") ? m.group(1).substring(2) : m.group(1));
            message.put("line", Integer.parseInt(m.group(2)));
            message.put("message", m.group(4));
            found.add(message);
        }
        return found;
    }
}
