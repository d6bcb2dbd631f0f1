package dev.assay.server.index.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import dev.assay.server.accounts.AccountService;
import dev.assay.server.accounts.NewUser;
import dev.assay.server.accounts.tokens.NewToken;
import dev.assay.server.accounts.tokens.TokenScope;
import dev.assay.server.accounts.tokens.TokenService;
import dev.assay.server.testing.HttpApi;
import dev.assay.server.testing.PythonDistributions;
import dev.assay.server.testing.PythonDistributions.Built;
import dev.assay.server.testing.PythonDistributions.Spec;
import dev.assay.server.testing.PythonTools;
import dev.assay.server.testing.TestDatabase;
import dev.assay.server.testing.TestDistributions;
import dev.assay.server.testing.TestServer;
import dev.assay.server.testing.UploadRequest;

/** Uploads through twine and by hand, accepted and refused, run once per database. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class UploadContract {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String PASSWORD = "owner password";

    Path data;
    Path work;
    TestDatabase database;
    TestServer server;
    String aliceToken;
    String malloryToken;

    abstract String databaseKind();

    @BeforeAll
    void startServer(@TempDir Path temporary) throws IOException {
        data = Files.createDirectories(temporary.resolve("data"));
        work = Files.createDirectories(temporary.resolve("work"));
        database = TestDatabase.of(databaseKind(), data);
        server = TestServer.start(data, database);
        AccountService accounts = server.bean(AccountService.class);
        TokenService tokens = server.bean(TokenService.class);
        accounts.create(new NewUser("alice", "alice@example.org", "", PASSWORD, Set.of()));
        accounts.create(new NewUser("mallory", "mallory@example.org", "", PASSWORD, Set.of()));
        aliceToken = tokens.create(new NewToken("alice", "uploads", null, Set.of(TokenScope.UPLOAD))).secret();
        malloryToken = tokens.create(new NewToken("mallory", "uploads", null, Set.of(TokenScope.UPLOAD))).secret();
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

    private Built build(String stem, String version) {
        String name = stem + "-" + databaseKind() + SEQUENCE.incrementAndGet();
        return PythonDistributions.build(work, Spec.of(name, version));
    }

    private static String projectOf(Built built) {
        String file = built.sdist().getFileName().toString();
        return file.substring(0, file.lastIndexOf('-')).replace('_', '-');
    }

    @Test
    void twineUploadsWheelAndSdistWithAToken() throws Exception {
        Built built = build("fresh", "1.0");

        PythonTools.twineUpload(server.url(), "__token__", aliceToken, built.wheel(), built.sdist()).assertSucceeded();

        String project = projectOf(built);
        assertThat(query("SELECT name FROM projects WHERE normalized_name = '" + project + "'"))
                .as("the name as the metadata declares it, not as the wheel's file name escapes it")
                .containsExactly(project);
        assertThat(query("SELECT u.name FROM project_roles r JOIN users u ON u.id = r.user_id JOIN projects p "
                + "ON p.id = r.project_id WHERE p.normalized_name = '" + project + "' AND r.role = 'owner'"))
                .containsExactly("alice");
        assertThat(query("SELECT f.sha256 FROM distribution_files f JOIN releases r ON r.id = f.release_id "
                + "JOIN projects p ON p.id = r.project_id WHERE p.normalized_name = '" + project + "' ORDER BY f.filename"))
                .containsExactlyInAnyOrder(UploadRequest.sha256(Files.readAllBytes(built.wheel())),
                        UploadRequest.sha256(Files.readAllBytes(built.sdist())));
        Path stored = data.resolve("files").resolve(project);
        assertThat(stored.resolve(built.wheel().getFileName().toString())).hasSameBinaryContentAs(built.wheel());
        assertThat(stored.resolve(built.wheel().getFileName() + ".metadata")).content().contains("Name: " + project);
        assertNoTemporaryFilesLeft();
    }

    @Test
    void passwordOfAnOwnerAlsoUploads() throws Exception {
        Built built = build("bypassword", "0.1");

        HttpResponse<String> response = UploadRequest.of(built.sdist(), projectOf(built), "0.1")
                .send(server.url(), "alice", PASSWORD);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @Test
    void sameFileIsNeverAcceptedTwice() throws Exception {
        Built built = build("twice", "1.0");
        PythonTools.twineUpload(server.url(), "__token__", aliceToken, built.wheel()).assertSucceeded();

        PythonTools.Outcome again = PythonTools.twineUpload(server.url(), "__token__", aliceToken, built.wheel());

        assertThat(again.exitCode()).isNotZero();
        assertThat(again.output()).contains("400", "File already exists");
        assertThat(countFiles(projectOf(built))).isEqualTo(1);
    }

    @Test
    void wrongTokenIsRefusedAndStoresNothing() throws Exception {
        Built built = build("wrongtoken", "1.0");

        PythonTools.Outcome refused = PythonTools.twineUpload(server.url(), "__token__", "assay_not-a-real-token",
                built.wheel());

        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.output()).contains("401");
        assertNothingStoredFor(projectOf(built));
    }

    @Test
    void tokenForAnotherProjectIsRefused() throws Exception {
        Built built = build("scoped", "1.0");
        String otherProjectToken = server.bean(TokenService.class)
                .create(new NewToken("alice", "", "some-other-project", Set.of(TokenScope.UPLOAD))).secret();

        PythonTools.Outcome refused = PythonTools.twineUpload(server.url(), "__token__", otherProjectToken, built.wheel());

        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.output()).contains("403", "does not allow uploads to project '" + projectOf(built) + "'");
        assertNothingStoredFor(projectOf(built));
    }

    @Test
    void strangerMayNotUploadToSomeoneElsesProject() throws Exception {
        Built first = build("owned", "1.0");
        PythonTools.twineUpload(server.url(), "__token__", aliceToken, first.wheel()).assertSucceeded();
        Built second = PythonDistributions.build(work.resolve("second"), Spec.of(projectOf(first), "2.0"));

        HttpResponse<String> refused = UploadRequest.of(second.wheel(), projectOf(first), "2.0")
                .send(server.url(), "__token__", malloryToken);

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("User 'mallory' is not an owner or maintainer");
        assertThat(countFiles(projectOf(first))).isEqualTo(1);
    }

    @Test
    void anonymousUploadIsAskedToAuthenticate() throws Exception {
        Built built = build("anonymous", "1.0");

        HttpResponse<String> refused = UploadRequest.of(built.wheel(), projectOf(built), "1.0").send(server.url(), "", "");

        assertThat(refused.statusCode()).isEqualTo(401);
        assertNothingStoredFor(projectOf(built));
    }

    @Test
    void mismatchingDigestIsRefused() throws Exception {
        Built built = build("digest", "1.0");

        HttpResponse<String> refused = UploadRequest.of(built.wheel(), projectOf(built), "1.0")
                .replace("sha256_digest", "0".repeat(64)).send(server.url(), "__token__", aliceToken);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("sha256_digest supplied does not match");
        assertNothingStoredFor(projectOf(built));
    }

    @Test
    void formMetadataDisagreeingWithTheFileIsRefused() throws Exception {
        Built built = build("disagree", "1.0");

        HttpResponse<String> refused = UploadRequest.of(built.wheel(), projectOf(built), "1.0")
                .field("summary", "A summary that is not in the wheel").send(server.url(), "__token__", aliceToken);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("disagrees with the metadata inside the file", "Summary");
        assertNothingStoredFor(projectOf(built));
    }

    @Test
    void invalidVersionIsRefused() throws Exception {
        Built built = build("badversion", "1.0");

        HttpResponse<String> refused = UploadRequest.of(built.wheel(), projectOf(built), "1.0")
                .replace("version", "1.0-banana!").send(server.url(), "__token__", aliceToken);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("'1.0-banana!' is an invalid version");
        assertNothingStoredFor(projectOf(built));
    }

    @Test
    void truncatedFileIsRefusedWhateverItsDigest() throws Exception {
        Built built = build("truncated", "1.0");
        UploadRequest upload = UploadRequest.of(built.sdist(), projectOf(built), "1.0");
        byte[] truncated = Arrays.copyOf(upload.content(), upload.content().length / 2);

        HttpResponse<String> withOriginalDigest = upload.content(truncated).send(server.url(), "__token__", aliceToken);
        HttpResponse<String> withMatchingDigest = upload.replace("sha256_digest", UploadRequest.sha256(truncated))
                .send(server.url(), "__token__", aliceToken);

        assertThat(withOriginalDigest.statusCode()).isEqualTo(400);
        assertThat(withOriginalDigest.body()).contains("does not match");
        assertThat(withMatchingDigest.statusCode()).isEqualTo(400);
        assertThat(withMatchingDigest.body()).contains("Invalid distribution file");
        assertNothingStoredFor(projectOf(built));
    }

    @Test
    void fileOfAnotherProjectOrOfAnUnsupportedKindIsRefused() throws Exception {
        Built built = build("mislabelled", "1.0");

        HttpResponse<String> otherName = UploadRequest.of(built.wheel(), "something-else", "1.0")
                .send(server.url(), "__token__", aliceToken);
        HttpResponse<String> egg = UploadRequest.of(built.wheel(), projectOf(built), "1.0").replace("filetype", "bdist_egg")
                .send(server.url(), "__token__", aliceToken);

        assertThat(otherName.statusCode()).isEqualTo(400);
        assertThat(otherName.body()).contains("is not for project 'something-else'");
        assertThat(egg.statusCode()).isEqualTo(400);
        assertThat(egg.body()).contains("Invalid filetype 'bdist_egg'");
        assertNothingStoredFor(projectOf(built));
    }

    @Test
    void versionsTooLongForTheIndexAreRefusedAsTooLong() throws Exception {
        for (String version : List.of("1." + "0".repeat(219), "1".repeat(121))) {
            // a short name: the file name must stay within the 255 bytes a file system allows
            String name = "tl" + databaseKind().charAt(0) + SEQUENCE.incrementAndGet();
            Path wheel = TestDistributions.wheel(Files.createDirectories(work.resolve(name)),
                    new TestDistributions.Spec(name, version, List.of(), "long"));

            HttpResponse<String> refused = UploadRequest.of(wheel, name, version).replace("metadata_version", "2.4")
                    .send(server.url(), "__token__", aliceToken);

            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
            assertThat(refused.body()).contains("too long").doesNotContain("not a valid PEP 440");
            assertNothingStoredFor(name);
        }
    }

    @Test
    void concurrentFirstUploadsOfANewProjectAllSucceed() throws Exception {
        String name = "racing-" + databaseKind() + SEQUENCE.incrementAndGet();
        List<TestDistributions.Spec> versions = IntStream.rangeClosed(1, 20)
                .mapToObj(minor -> new TestDistributions.Spec(name, "1." + minor, List.of(), "")).toList();
        List<Path> wheels = new ArrayList<>();
        for (TestDistributions.Spec spec : versions) {
            wheels.add(TestDistributions.wheel(Files.createDirectories(work.resolve(spec.name() + spec.version())), spec));
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(versions.size());
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < versions.size(); i++) {
            UploadRequest upload = versions.get(i).request(wheels.get(i));
            answers.add(threads.submit(() -> {
                start.await();
                return upload.send(server.url(), "__token__", aliceToken);
            }));
        }
        start.countDown();
        threads.shutdown();
        List<String> statuses = new ArrayList<>();
        for (Future<HttpResponse<String>> answer : answers) {
            statuses.add(answer.get().statusCode() + " " + answer.get().body().strip());
        }

        assertThat(statuses).allMatch(status -> status.startsWith("200"));
        assertThat(countFiles(name)).isEqualTo(20);
        assertThat(query("SELECT COUNT(*) FROM projects WHERE normalized_name = '" + name + "'")).containsExactly("1");
    }

    @Test
    void requirementLongerThanItsColumnIsA400() throws Exception {
        String name = "longrequirement-" + databaseKind();
        String requirement = "dependency[" + IntStream.range(0, 300).mapToObj(i -> "extra" + i)
                .collect(java.util.stream.Collectors.joining(",")) + "]>=1.0";
        TestDistributions.Spec spec = new TestDistributions.Spec(name, "1.0", List.of("Requires-Dist: " + requirement), "");

        HttpResponse<String> refused = send(spec);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("Requires-Dist", "2000 characters");
        assertNothingStoredFor(name);
    }

    @Test
    void moreRequirementsThanTheLimitAreA400AndTheLimitItselfIsServed() throws Exception {
        String name = "manyrequirements-" + databaseKind();
        HttpResponse<String> refused = send(new TestDistributions.Spec(name, "1.0", requirements(1_001), ""));
        HttpResponse<String> accepted = send(new TestDistributions.Spec(name, "1.0", requirements(1_000), ""));

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("1001 Requires-Dist", "at most 1000");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        for (String page : List.of("project/" + name + "/", "project/" + name + "/1.0/",
                "api/v1/projects/" + name + "/dependencies?version=1.0")) {
            HttpResponse<String> read = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url() + page))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(read.statusCode()).as(page).isEqualTo(200);
            assertThat(read.body()).as(page).contains("dep-999");
        }
    }

    @Test
    void summaryLongerThanItsColumnIsA400() throws Exception {
        String name = "longsummary-" + databaseKind();

        HttpResponse<String> refused = send(new TestDistributions.Spec(name, "1.0", List.of("Summary: " + "s".repeat(513)), ""));

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("Summary", "513 characters", "512");
        assertNothingStoredFor(name);
    }

    @Test
    void newNameThatLooksLikeAnExistingProjectIsRefusedWhicheverWayItIsCreated() throws Exception {
        String existing = "tinycalc" + databaseKind();
        assertThat(send(new TestDistributions.Spec(existing, "1.0", List.of(), "")).statusCode()).isEqualTo(200);
        String lookAlike = "Tiny_Ca1c-" + databaseKind().toUpperCase();

        HttpResponse<String> uploaded = send(new TestDistributions.Spec(lookAlike, "1.0", List.of(), ""));
        HttpResponse<String> created = new HttpApi(server.url(), "alice", PASSWORD).post("api/v1/projects",
                "{\"name\": \"T.i.n.y.c.a.l.c." + databaseKind() + "\"}");
        HttpResponse<String> sameProject = send(new TestDistributions.Spec(existing.toUpperCase(), "2.0", List.of(), ""));

        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(400);
        assertThat(uploaded.body()).contains("too similar to the existing project '" + existing + "'");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(400);
        assertThat(created.body()).contains("too similar to the existing project '" + existing + "'");
        assertThat(sameProject.statusCode()).as("the same name, spelt otherwise, is the same project: "
                + sameProject.body()).isEqualTo(200);
        assertThat(query("SELECT COUNT(*) FROM projects WHERE ultranormalized_name = 't1nyca1c"
                + databaseKind().replace('o', '0').replace('l', '1') + "'")).containsExactly("1");
    }

    private HttpResponse<String> send(TestDistributions.Spec spec) throws Exception {
        Path wheel = TestDistributions.wheel(Files.createDirectories(work.resolve(spec.name() + "-" + spec.headers().size())),
                spec);
        return spec.request(wheel).send(server.url(), "__token__", aliceToken);
    }

    private static List<String> requirements(int count) {
        return IntStream.range(0, count).mapToObj(i -> "Requires-Dist: dep-" + i).toList();
    }

    private void assertNothingStoredFor(String project) throws Exception {
        assertThat(query("SELECT id FROM projects WHERE normalized_name = '" + project + "'")).isEmpty();
        assertThat(data.resolve("files").resolve(project)).doesNotExist();
        assertNoTemporaryFilesLeft();
    }

    private void assertNoTemporaryFilesLeft() throws IOException {
        try (Stream<Path> leftovers = Files.walk(data.resolve("tmp"))) {
            assertThat(leftovers.filter(file -> file.getFileName().toString().startsWith("upload-"))).isEmpty();
        }
    }

    private long countFiles(String project) throws SQLException {
        return Long.parseLong(query("SELECT COUNT(*) FROM distribution_files f JOIN releases r ON r.id = f.release_id "
                + "JOIN projects p ON p.id = r.project_id WHERE p.normalized_name = '" + project + "'").get(0));
    }

    private List<String> query(String sql) throws SQLException {
        try (Connection connection = database.connect(); ResultSet rows = connection.createStatement().executeQuery(sql)) {
            List<String> values = new java.util.ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }
}
