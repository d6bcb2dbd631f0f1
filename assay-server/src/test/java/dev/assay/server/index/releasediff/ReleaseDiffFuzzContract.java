package dev.assay.server.index.releasediff;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.assay.server.accounts.AccountService;
import dev.assay.server.accounts.NewUser;
import dev.assay.server.index.DistributionStore;
import dev.assay.server.testing.HttpApi;
import dev.assay.server.testing.UploadRequest;
import dev.assay.server.testing.WebSession;
import dev.assay.server.testing.TestDatabase;
import dev.assay.server.testing.TestServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fuzzes what a release diff reads: release after release of one project, each made of the previous one's contents
 * changed by {@link HostileWheels} from a fixed seed ({@code -Dassay.fuzz.seed}, {@code -Dassay.fuzz.diffs} for
 * more). A wheel the upload refuses is uploaded plain and its hostile bytes planted in the store, as a damaged store
 * could hold them. Each release's page, diff page and diff API, and a comment on one of its changed paths, must
 * answer without a 5xx; a file that cannot be read must be named with why, not shown as every path removed.
 */
abstract class ReleaseDiffFuzzContract {

    private static final String PROJECT = "fuzz-diff";
    private static final String PASSWORD = "correct horse battery";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    abstract String databaseKind();

    @Test
    void hostileReleasesDiffWithoutServerErrors(@TempDir Path data, @TempDir Path work) throws Exception {
        long seed = Long.getLong("assay.fuzz.seed", 17);
        int count = Integer.getInteger("assay.fuzz.diffs", 24);
        Random random = new Random(seed);
        List<String> failures = new ArrayList<>();
        int plantedCount = 0;
        List<String> unreadable = new ArrayList<>();
        try (TestDatabase database = TestDatabase.of(databaseKind(), data);
                TestServer server = TestServer.start(data, database, Map.of("assay.pipeline.workers", 0))) {
            server.bean(AccountService.class).create(new NewUser("fuzzer", "fuzzer@example.org", "", PASSWORD,
                    Set.of()));
            HttpApi api = new HttpApi(server.url(), "fuzzer", PASSWORD);
            Map<String, byte[]> previous = HostileWheels.plain();
            HostileWheels first = new HostileWheels(seed, "fuzz_diff-1.0");
            upload(server, work, "1.0", first.plainArchive(previous, metadata("1.0")));
            for (int i = 1; i <= count; i++) {
                String version = "1." + i;
                HostileWheels wheels = new HostileWheels(seed * 1000 + i, "fuzz_diff-" + version);
                HostileWheels.Case made = wheels.next(previous, metadata(version));
                String label = "case " + i + " (seed " + seed + ", " + made.made() + ")";
                HttpResponse<String> sent = upload(server, work, version, made.archive());
                boolean planted = sent.statusCode() != 200;
                if (planted) {
                    plantedCount++;
                    HttpResponse<String> plain = upload(server, work, version,
                            wheels.plainArchive(HostileWheels.plain(), metadata(version)));
                    assertThat(plain.statusCode()).as("%s: the plain wheel: %s", label, plain.body()).isEqualTo(200);
                    Files.write(server.bean(DistributionStore.class).locate(PROJECT, filename(version)),
                            made.archive());
                }
                failures.addAll(read(server, api, version, planted ? label + ", planted" : label, random, unreadable));
                previous = made.files();
            }
            System.out.printf("release diff fuzz on %s: %d releases, %d planted after the upload refused them, "
                    + "unreadable %s, %d failures%n", databaseKind(), count, plantedCount, unreadable, failures.size());
            assertThat(failures).as("answers that were server errors or unclear").isEmpty();
        }
    }

    private static List<String> read(TestServer server, HttpApi api, String version, String label, Random random,
            List<String> unreadable) {
        List<String> failures = new ArrayList<>();
        WebSession web = new WebSession(server.url());
        for (String page : List.of("project/" + PROJECT + "/" + version + "/", "project/" + PROJECT + "/" + version
                + "/diff", "project/" + PROJECT + "/" + version + "/contents/")) {
            HttpResponse<String> answer = web.get(page);
            if (answer.statusCode() != 200) {
                failures.add(label + ": " + page + " answered " + answer.statusCode());
            }
        }
        HttpResponse<String> answer = api.get("api/v1/projects/" + PROJECT + "/" + version + "/diff");
        if (answer.statusCode() != 200) {
            failures.add(label + ": the diff API answered " + answer.statusCode() + " " + answer.body());
            return failures;
        }
        JsonNode diff = HttpApi.parse(answer.body());
        boolean listedUnreadable = !web.page("project/" + PROJECT + "/" + version + "/contents/")
                .select("p.problem.unreadable").isEmpty();
        boolean diffSaysSo = false;
        for (JsonNode file : diff.get("unreadable")) {
            diffSaysSo |= file.get("version").asString().equals(version) && !file.get("problem").asString().isBlank();
        }
        if (listedUnreadable) {
            unreadable.add(version);
        }
        if (listedUnreadable != diffSaysSo) {
            failures.add(label + ": the contents page " + (listedUnreadable ? "cannot" : "can") + " read the file, "
                    + "the diff says " + diff.get("unreadable") + ", counting " + diff.get("summary"));
        }
        JsonNode files = diff.get("files");
        if (!files.isEmpty()) {
            JsonNode file = files.get(random.nextInt(files.size()));
            String side = file.get("status").asString().equals("removed") ? "old" : "new";
            String body = JSON.writeValueAsString(Map.of("body", "Why?", "path", file.get("path").asString(),
                    "line", 1 + random.nextInt(3), "side", side));
            if (side.equals("new")) {
                HttpResponse<String> shown = web.get("project/" + PROJECT + "/" + version + "/contents/"
                        + encoded(file.get("path").asString()));
                if (shown.statusCode() >= 500) {
                    failures.add(label + ": the file page of " + file.get("path") + " answered " + shown.statusCode());
                }
            }
            HttpResponse<String> thread = api.post("api/v1/diffs/" + diff.get("discussion").asLong() + "/threads",
                    body);
            if (thread.statusCode() >= 500 || thread.statusCode() != 201 && thread.body().isBlank()) {
                failures.add(label + ": a comment on " + file.get("path") + " answered " + thread.statusCode());
            }
        }
        return failures;
    }

    private static String encoded(String path) {
        return String.join("/", java.util.Arrays.stream(path.split("/", -1))
                .map(segment -> URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20")).toList());
    }

    private static HttpResponse<String> upload(TestServer server, Path work, String version, byte[] archive)
            throws Exception {
        Path wheel = work.resolve(filename(version));
        Files.write(wheel, archive);
        return UploadRequest.of(wheel, PROJECT, version).send(server.url(), "fuzzer", PASSWORD);
    }

    private static String filename(String version) {
        return "fuzz_diff-" + version + "-py3-none-any.whl";
    }

    private static String metadata(String version) {
        return "Metadata-Version: 2.1\nName: " + PROJECT + "\nVersion: " + version + "\n";
    }
}
