package dev.assay.server.index.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.assay.server.testing.AssayProcess;
import dev.assay.server.testing.AssayProcess.Outcome;
import dev.assay.server.testing.AssayProcess.Server;
import dev.assay.server.testing.Eventually;
import dev.assay.server.testing.HttpApi;
import dev.assay.server.testing.TestDatabase;
import dev.assay.server.testing.TestDistributions;
import dev.assay.server.testing.TestDistributions.Spec;
import dev.assay.server.testing.UploadRequest;

/**
 * The way the loss was found: many concurrent uploads to a real {@code ./assay serve}, {@code kill -9} of its JVM
 * after some answered 200, a restart on the same data directory. Every upload answered 200 is served, nothing
 * temporary is left, and files no committed upload owns are in {@code DATA/lost+found}; run once per database.
 */
abstract class KilledServerContract {

    private static final int UPLOADS = 50;
    private static final int ANSWERS_BEFORE_KILL = 8;
    private static final String PASSWORD = "uploader password";

    abstract String databaseKind();

    @Test
    void everyUploadAnswered200SurvivesKillDashNine(@TempDir Path work) throws Exception {
        Path data = work.resolve("data");
        Path wheels = Files.createDirectories(work.resolve("wheels"));
        try (TestDatabase database = TestDatabase.of(databaseKind(), data)) {
            killAndRestart(work, data, wheels, database);
        }
    }

    private static void killAndRestart(Path work, Path data, Path wheels, TestDatabase database) throws Exception {
        Map<String, String> environment = new HashMap<>(database.launchEnvironment());
        // a killed upload's file is fresh at the restart: no grace, so the restart moves it at once
        environment.put("ASSAY_RECOVERY_ORPHAN_GRACE", "0s");
        environment.put("ASSAY_PIPELINE_SANDBOX", "false");
        // about durability, not reviews: new projects are served at once
        environment.put("ASSAY_REVIEW_NEW_PROJECTS", "false");
        AssayProcess assay = new AssayProcess(environment);
        Map<Path, Spec> specs = new HashMap<>();
        for (int i = 0; i < UPLOADS; i++) {
            Spec spec = new Spec("durable-" + i, "1.0", List.of("Summary: upload " + i), "");
            specs.put(TestDistributions.wheel(wheels, spec), spec);
        }

        List<Path> acknowledged;
        try (Server server = assay.serve(data, work.resolve("first.log"))) {
            Outcome added = assay.run(PASSWORD + "\n", "user", "add", "uploader", "--email", "u@example.org",
                    "--password-stdin", "--data", data.toString());
            assertThat(added.exitCode()).as(added.stderr()).isZero();
            acknowledged = uploadThenKill(server, specs);
        }
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(ANSWERS_BEFORE_KILL);

        try (Server restarted = assay.serve(data, work.resolve("second.log"))) {
            assertRecovered(restarted, data, acknowledged, specs);
        }
    }

    private static void assertRecovered(Server restarted, Path data, List<Path> acknowledged, Map<Path, Spec> specs)
            throws IOException {
        HttpApi api = new HttpApi(restarted.url(), "uploader", PASSWORD);
        // the files are compared with the rows in the background once the server is ready
        Eventually.until("the comparison of DATA/files with the database", Duration.ofMinutes(2), restarted::output,
                output -> output.contains("recorded file(s) with"));
        for (Path wheel : acknowledged) {
            String project = specs.get(wheel).name();
            HttpResponse<String> file = api.get("files/" + project + "/" + wheel.getFileName());
            assertThat(file.statusCode()).as("%s was answered 200 before the kill", wheel.getFileName()).isEqualTo(200);
            assertThat(api.get("simple/" + project + "/").body()).contains(wheel.getFileName().toString());
        }
        // only lock files stay: the running server's folder lock and the lock claims are taken under
        assertThat(regularFiles(data.resolve("tmp"))).as("temporary files after the restart")
                .allMatch(file -> Set.of(".lock", ".claiming").contains(file.getFileName().toString()));
        assertThat(directories(data.resolve("pipeline-work"))).as("only the running server's workspace folder")
                .hasSizeLessThanOrEqualTo(1);
        for (Path stored : regularFiles(data.resolve("files"))) {
            String name = stored.getFileName().toString().replaceFirst("\\.metadata$", "");
            assertThat(api.get("simple/" + stored.getParent().getFileName() + "/").body())
                    .as("%s is in DATA/files, so a committed upload owns it", stored).contains(name);
        }
        List<Path> orphans = regularFiles(data.resolve("lost+found"));
        for (Path orphan : orphans) {
            assertThat(api.get("files/" + orphan.getParent().getFileName() + "/" + orphan.getFileName()).statusCode())
                    .as("%s is in lost+found, so no committed upload owns it", orphan).isEqualTo(404);
            assertThat(restarted.output()).contains("Moved " + orphan.getParent().getFileName() + "/"
                    + orphan.getFileName());
        }
        System.out.printf("%d uploads answered 200 before the kill, all served after the restart; %d files in "
                + "lost+found%n", acknowledged.size(), orphans.size());
    }

    /** Sends every upload at once and kills the server's JVM once enough were answered 200; returns those. */
    private static List<Path> uploadThenKill(Server server, Map<Path, Spec> specs) throws Exception {
        Map<Path, Integer> answers = new ConcurrentHashMap<>();
        CountDownLatch enough = new CountDownLatch(ANSWERS_BEFORE_KILL);
        ExecutorService pool = Executors.newFixedThreadPool(specs.size());
        try {
            for (Map.Entry<Path, Spec> upload : specs.entrySet()) {
                UploadRequest request = upload.getValue().request(upload.getKey());
                pool.execute(() -> {
                    try {
                        int status = request.send(server.url(), "uploader", PASSWORD).statusCode();
                        answers.put(upload.getKey(), status);
                        if (status == 200) {
                            enough.countDown();
                        }
                    } catch (IOException | InterruptedException cutOff) {
                        // the server was killed during this upload: it was never acknowledged
                    }
                });
            }
            boolean answered = enough.await(5, TimeUnit.MINUTES);
            assertThat(answered).as("answers: %s%nserver log:%n%s", answers, tail(server.output())).isTrue();
            // the JVM itself (./assay execs java), as kill -9 would
            server.process().destroyForcibly().waitFor();
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(1, TimeUnit.MINUTES);
        }
        List<Path> acknowledged = new ArrayList<>();
        answers.forEach((wheel, status) -> {
            if (status == 200) {
                acknowledged.add(wheel);
            }
        });
        return acknowledged;
    }

    private static String tail(String log) {
        return log.substring(Math.max(0, log.length() - 20_000));
    }

    private static List<Path> regularFiles(Path root) throws IOException {
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(Files::isRegularFile).toList();
        }
    }

    private static List<Path> directories(Path root) throws IOException {
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.list(root)) {
            return paths.filter(Files::isDirectory).toList();
        }
    }
}
