package dev.assay.tasks.builtin;

import dev.assay.packaging.PackagingException;
import dev.assay.packaging.archive.SafeArchive;
import dev.assay.tasks.DataKey;
import dev.assay.tasks.Task;
import dev.assay.tasks.TaskContext;
import dev.assay.tasks.TaskResult;
import dev.assay.tasks.sandbox.Sandbox;
import dev.assay.tasks.sandbox.SandboxResult;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * {@code rebuild}: builds the sdist and the wheel of the tree of the commit a release's version is tagged at, in the
 * sandbox with {@code python -m build --sdist --wheel --no-isolation} (the build requirements from the
 * {@link BuildTask#BUILD_WHEELHOUSE}, as in {@code build}) and {@code SOURCE_DATE_EPOCH} set to the tagged commit's
 * committer time, so that an upload built the same way can be byte-identical, and records what it built — each file's name and SHA-256
 * and the SHA-256 of every file inside it — for the server to compare with the uploaded files.
 */
public final class SourceRebuildTask implements Task {

    public static final String NAME = "rebuild";
    /** A directory holding the tree of the commit the release's version is tagged at; the task builds in it. */
    public static final DataKey TAGGED_TREE = DataKey.of("tagged-tree");
    /** The tagged commit's committer time, seconds since the epoch (a {@code Long}): the build's SOURCE_DATE_EPOCH. */
    public static final DataKey COMMIT_TIME = DataKey.of("tagged-commit-time");
    /** What the task published: nothing consumes it, the raw data carries the rebuilt files' facts. */
    public static final DataKey REBUILT = DataKey.of("rebuilt");

    private final Sandbox sandbox;
    private final BuiltinSettings settings;

    public SourceRebuildTask(Sandbox sandbox, BuiltinSettings settings) {
        this.sandbox = sandbox;
        this.settings = settings;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<DataKey> consumes() {
        return Set.of(TAGGED_TREE, COMMIT_TIME, BuildTask.BUILD_WHEELHOUSE);
    }

    @Override
    public Set<DataKey> produces() {
        return Set.of(REBUILT);
    }

    @Override
    public TaskResult run(TaskContext context) throws IOException, InterruptedException {
        Path tree = context.workspace().resolve(context.input(TAGGED_TREE, Path.class));
        if (!SdistTask.hasBuildFile(tree)) {
            return TaskResult.failed("no pyproject.toml or setup.py at the tagged commit's root: nothing to rebuild");
        }
        if (settings.buildTools().isEmpty()) {
            return WorkerTools.missing("build");
        }
        SandboxStep step = new SandboxStep(sandbox, context, settings.limits(), NAME);
        BuildFrontend.Prepared frontend = BuildFrontend.prepare(step, settings,
                context.input(BuildTask.BUILD_WHEELHOUSE, BuildWheelhouse.class), context);
        if (frontend.failure().isPresent()) {
            return frontend.failure().get();
        }
        Path dist = Files.createDirectories(step.dir().resolve("dist"));
        List<String> argv = new ArrayList<>(frontend.frontend().command("--sdist", step.inside(dist), step.inside(tree)));
        argv.add(argv.indexOf("--sdist") + 1, "--wheel");
        // the timestamps the backend honours (a wheel's entries) are the commit's, not the time of the rebuild
        Map<String, String> env = new LinkedHashMap<>(frontend.frontend().env());
        String epoch = Long.toString(context.input(COMMIT_TIME, Long.class));
        env.put("SOURCE_DATE_EPOCH", epoch);
        context.record("command", argv);
        context.record("sourceDateEpoch", epoch);
        SandboxResult result = step.run(NAME, step.dir().getFileName().toString(), argv, env);
        context.record("exitCode", result.exitCode());
        step.recordLimits(result);
        if (result.killedByLimit()) {
            return TaskResult.error("the rebuild was stopped by the sandbox's limits " + result.limitsHit());
        }
        if (result.exitCode() != 0) {
            return TaskResult.failed("the rebuild failed (exit " + result.exitCode() + "): "
                    + BuildReport.lastLines(Files.readString(step.logFile(NAME)), 1));
        }
        List<Path> built;
        try (Stream<Path> files = Files.list(dist)) {
            built = files.sorted().toList();
        }
        List<Map<String, Object>> facts = new ArrayList<>();
        for (Path file : built) {
            facts.add(facts(file));
        }
        context.record("files", facts);
        context.publish(REBUILT, dist);
        return TaskResult.passed("rebuilt " + String.join(", ", built.stream()
                .map(file -> file.getFileName().toString()).toList()) + " from the tagged commit");
    }

    /** A built file's name, SHA-256 and the SHA-256 of each regular file inside it (an sdist's top folder left out). */
    static Map<String, Object> facts(Path file) throws IOException {
        String name = file.getFileName().toString();
        boolean sdist = !name.endsWith(".whl");
        Map<String, String> entries = new TreeMap<>();
        try (SafeArchive archive = SafeArchive.open(file)) {
            archive.visitFiles(entry -> true, (entry, in) -> {
                String path = entry.path();
                entries.put(sdist && path.contains("/") ? path.substring(path.indexOf('/') + 1) : path, sha256(in));
            });
        } catch (PackagingException unreadable) {
            throw new IOException("the rebuilt " + name + " cannot be read: " + unreadable.getMessage(), unreadable);
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("filename", name);
        try (InputStream in = Files.newInputStream(file)) {
            facts.put("sha256", sha256(in));
        }
        facts.put("entries", entries);
        return facts;
    }

    private static String sha256(InputStream in) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java runtime has SHA-256", impossible);
        }
        byte[] buffer = new byte[8192];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            digest.update(buffer, 0, n);
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
