package dev.assay.server.index.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import dev.assay.server.accounts.AccountService;
import dev.assay.server.accounts.NewUser;
import dev.assay.server.accounts.tokens.NewToken;
import dev.assay.server.accounts.tokens.TokenScope;
import dev.assay.server.accounts.tokens.TokenService;
import dev.assay.server.testing.TestDatabase;
import dev.assay.server.testing.TestServer;

/**
 * Fuzzes the index over real HTTP, run once per database: mutated real and synthetic wheels and sdists posted
 * to {@code /legacy/} (no 5xx; a refused upload leaves no row and no file), then mutated requests to the read
 * APIs and pages (no 5xx). Every failing case is listed and written under {@code target/fuzz-failures}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class IndexFuzzContract {

    private static final Path MIRROR = Path.of("/opt/pypi/files");
    private static final int SHOWN = 40;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final FuzzSettings settings = FuzzSettings.fromSystemProperties();
    private TestDatabase database;
    private TestServer server;
    private Path data;
    private String credentials;

    abstract String databaseKind();

    @BeforeAll
    void startServer(@TempDir Path data) {
        this.data = data;
        database = TestDatabase.of(databaseKind(), data);
        server = TestServer.start(data, database, Map.of("assay.pipeline.workers", 0));
        server.bean(AccountService.class).create(new NewUser("fuzzer", "fuzzer@example.org", "", "correct horse",
                Set.of()));
        String token = server.bean(TokenService.class)
                .create(new NewToken("fuzzer", "fuzz", null, Set.of(TokenScope.UPLOAD))).secret();
        credentials = "Basic " + Base64.getEncoder().encodeToString(("__token__:" + token)
                .getBytes(StandardCharsets.UTF_8));
    }

    @AfterAll
    void stopServer() {
        if (server != null) {
            server.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    @Order(1)
    void mutatedUploadsNeverAnswer5xxAndRefusedOnesLeaveNoRowAndNoFile() {
        UploadCases cases = new UploadCases(settings.seed(), MIRROR);
        if (cases.realWheelCount() == 0) {
            System.err.println("*** FUZZ: NO LOCAL PYPI MIRROR AT " + MIRROR + ": SYNTHETIC DISTRIBUTIONS ONLY ***");
        }
        forgetEarlierFailures();
        Map<Integer, Integer> answers = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        int accepted = 0;
        int iteration = 0;
        Slowest slowest = new Slowest();
        Stored before = stored();
        for (long deadline = settings.phaseDeadline(); iteration < settings.uploads() && System.nanoTime() < deadline;
                iteration++) {
            UploadCases.Case upload = cases.build(iteration);
            long start = System.nanoTime();
            Answer answer = post(upload.body());
            slowest.add(start, "upload" + iteration + " " + upload.filename() + " " + upload.mutations());
            answers.merge(answer.status(), 1, Integer::sum);
            Stored after = stored();
            String problem = answer.status() >= 500 || answer.status() < 0 ? "answered " + answer
                    : answer.status() != 200 && !after.equals(before) ? "refused (" + answer + ") but left "
                            + after.differenceFrom(before) : null;
            accepted += answer.status() == 200 ? 1 : 0;
            if (problem != null) {
                String label = databaseKind() + "-seed" + settings.seed() + "-upload" + iteration;
                UploadCases.save(settings.failures(), label, upload, answer.toString());
                failures.add(label + " " + upload.filename() + ": " + problem + "; made by " + upload.mutations());
            }
            before = after;
        }
        System.out.printf("fuzz uploads on %s, seed %d: %d cases, %d accepted, answers %s, %d failures; slowest:%n%s%n",
                databaseKind(), settings.seed(), iteration, accepted, answers, failures.size(), slowest);
        assertThat(accepted).as("intact uploads must get through, or the fuzzer never reaches deep checks")
                .isPositive();
        assertThat(failures).as(summary("uploads", iteration, failures)).isEmpty();
    }

    @Test
    @Order(2)
    void mutatedReadsNeverAnswer5xx() {
        ReadRequests requests = population();
        Map<Integer, Integer> answers = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        int iteration = 0;
        Slowest slowest = new Slowest();
        for (long deadline = settings.phaseDeadline(); iteration < settings.reads() && System.nanoTime() < deadline;
                iteration++) {
            ReadRequests.Request request = requests.build(iteration);
            long start = System.nanoTime();
            Answer answer = send(request);
            slowest.add(start, "read" + iteration + " " + request.describe());
            answers.merge(answer.status(), 1, Integer::sum);
            if (answer.status() >= 500 || answer.status() < 0) {
                failures.add("read" + iteration + " " + request.describe() + " answered " + answer);
            }
        }
        System.out.printf("fuzz reads on %s, seed %d: %d requests, answers %s, %d failures; slowest:%n%s%n",
                databaseKind(), settings.seed(), iteration, answers, failures.size(), slowest);
        write("reads", failures);
        assertThat(failures).as(summary("reads", iteration, failures)).isEmpty();
    }

    /** Publishes a few intact files, then reads what the index holds: names, versions, file names, ETags. */
    private ReadRequests population() {
        UploadCases cases = new UploadCases(settings.seed() + 1, MIRROR);
        for (int i = 0; i < 12; i++) {
            post(cases.intact(i).body());
        }
        List<String> projects = new ArrayList<>();
        List<String> versions = new ArrayList<>();
        List<String> filenames = new ArrayList<>();
        List<String> etags = new ArrayList<>();
        String json = "application/vnd.pypi.simple.v1+json";
        for (String line : get("simple/", json).body().split("\"name\":\"")) {
            if (projects.size() < 30 && !line.startsWith("{")) {
                projects.add(line.substring(0, line.indexOf('"')));
            }
        }
        for (String project : projects) {
            HttpResponse<String> page = get("simple/" + ReadRequests.encode(project) + "/", json);
            page.headers().firstValue("ETag").ifPresent(etags::add);
            Stream.of(page.body().split("\"filename\":\"")).skip(1).limit(10)
                    .forEach(file -> filenames.add(file.substring(0, file.indexOf('"'))));
            String listed = page.body().replaceFirst("(?s).*\"versions\":\\[([^]]*)].*", "$1");
            Stream.of(listed.split(",")).map(version -> version.replace("\"", "")).filter(v -> !v.isBlank())
                    .limit(10).forEach(versions::add);
        }
        return new ReadRequests(settings.seed(), server.url(), projects, versions, filenames, etags);
    }

    private String summary(String phase, int count, List<String> failures) {
        return failures.size() + " of " + count + " fuzzed " + phase + " on " + databaseKind() + " (seed "
                + settings.seed() + ") failed; the first " + Math.min(SHOWN, failures.size()) + ":\n"
                + failures.stream().limit(SHOWN).collect(Collectors.joining("\n"));
    }

    /** Removes what an earlier run with this seed on this database wrote, so that only this run's cases remain. */
    private void forgetEarlierFailures() {
        String prefix = databaseKind() + "-seed" + settings.seed() + "-";
        if (!Files.isDirectory(settings.failures())) {
            return;
        }
        try (Stream<Path> files = Files.list(settings.failures())) {
            for (Path file : files.filter(file -> file.getFileName().toString().startsWith(prefix)).toList()) {
                Files.delete(file);
            }
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    private void write(String phase, List<String> failures) {
        if (failures.isEmpty()) {
            return;
        }
        try {
            Files.createDirectories(settings.failures());
            Files.write(settings.failures().resolve(databaseKind() + "-seed" + settings.seed() + "-" + phase + ".txt"),
                    failures);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    /** The few slowest cases of a phase, for the summary (timings are reported, never asserted). */
    private static final class Slowest {
        private final java.util.PriorityQueue<Map.Entry<Long, String>> kept =
                new java.util.PriorityQueue<>(Map.Entry.comparingByKey());

        void add(long startNanos, String what) {
            long millis = (System.nanoTime() - startNanos) / 1_000_000;
            kept.add(Map.entry(millis, what.length() > 200 ? what.substring(0, 200) + "…" : what));
            if (kept.size() > 5) {
                kept.poll();
            }
        }

        @Override
        public String toString() {
            return kept.stream().sorted(Map.Entry.<Long, String>comparingByKey().reversed())
                    .map(entry -> "  " + entry.getKey() + " ms " + entry.getValue()).collect(Collectors.joining("\n"));
        }
    }

    // --- HTTP --------------------------------------------------------------------------------------------

    /** A status (-1: no answer) and the start of the body. */
    record Answer(int status, String body) {
        @Override
        public String toString() {
            String text = body.replaceAll("\\s+", " ");
            return status + " " + (text.length() > 300 ? text.substring(0, 300) + "…" : text);
        }
    }

    private Answer post(byte[] body) {
        return exchange(HttpRequest.newBuilder(URI.create(server.url() + "legacy/"))
                .header("Content-Type", "multipart/form-data; boundary=" + UploadForm.BOUNDARY)
                .header("Authorization", credentials).timeout(Duration.ofSeconds(90))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    private Answer send(ReadRequests.Request request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri()).timeout(Duration.ofSeconds(20))
                .method(request.method(), HttpRequest.BodyPublishers.noBody());
        if (!request.headers().isEmpty()) {
            builder.headers(request.headers().toArray(String[]::new));
        }
        return exchange(builder.build());
    }

    private HttpResponse<String> get(String path, String accept) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + path)).header("Accept", accept).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AssertionError(interrupted);
        }
    }

    private static Answer exchange(HttpRequest request) {
        try {
            HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
            byte[] body = response.body();
            return new Answer(response.statusCode(), new String(body, 0, Math.min(body.length, 2_000),
                    StandardCharsets.UTF_8));
        } catch (IOException failure) {
            return new Answer(-1, "no answer: " + failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AssertionError(interrupted);
        }
    }

    // --- what is stored ----------------------------------------------------------------------------------

    /** The rows an upload writes and the files under the data directory's {@code files} folder. */
    record Stored(Map<String, Long> rows, Set<String> files) {
        String differenceFrom(Stored before) {
            List<String> changes = new ArrayList<>();
            rows.forEach((table, count) -> {
                if (!count.equals(before.rows().get(table))) {
                    changes.add(table + " " + before.rows().get(table) + " -> " + count);
                }
            });
            files.stream().filter(file -> !before.files().contains(file)).forEach(file -> changes.add("file " + file));
            return String.join(", ", changes);
        }
    }

    private Stored stored() {
        Map<String, Long> rows = new TreeMap<>();
        try (Connection connection = database.connect()) {
            for (String table : List.of("projects", "releases", "distribution_files", "dependencies",
                    "used_file_names")) {
                try (ResultSet count = connection.createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
                    count.next();
                    rows.put(table, count.getLong(1));
                }
            }
        } catch (SQLException failure) {
            throw new AssertionError(failure);
        }
        Path files = data.resolve("files");
        try (Stream<Path> walk = Files.exists(files) ? Files.walk(files) : Stream.empty()) {
            return new Stored(rows, walk.filter(Files::isRegularFile).map(file -> data.relativize(file).toString())
                    .collect(Collectors.toSet()));
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
