package dev.assay.server.upstream.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.assay.server.testing.TestDatabase;
import dev.assay.server.testing.TestServer;

/**
 * At every start the upstream table follows the start-up configuration: the URLs it names are there in its order,
 * those it no longer names are gone, an administrator's upstreams stay; servers starting together agree; a URL that
 * is not usable stops the start saying which and why. Run once per database.
 */
abstract class UpstreamStartupContract {

    @TempDir
    Path data;
    TestDatabase database;

    abstract String databaseKind();

    @AfterEach
    void dropDatabase() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void theTableFollowsTheConfigurationAtEveryStart() {
        database = TestDatabase.of(databaseKind(), data);
        long added;
        try (TestServer first = start("https://cache:pw1@one.example/simple", "http://two.example:8080/pypi")) {
            UpstreamRepository rows = first.bean(UpstreamRepository.class);
            assertThat(rows.list()).extracting(Upstream::url, Upstream::priority, Upstream::fromStartup).containsExactly(
                    tuple("https://one.example/simple/", 10, true),
                    tuple("http://two.example:8080/pypi/", 20, true));
            assertThat(rows.findByUrl("https://one.example/simple/").orElseThrow().password()).hasValue("pw1");
            added = rows.insert("https://admin.example/simple/", Optional.empty(), Optional.empty(), 15, 0, false,
                    Instant.now());
            rows.update(rows.findByUrl("http://two.example:8080/pypi/").orElseThrow().id(), 99, 5, false);
        }

        try (TestServer second = start("http://two.example:8080/pypi/", "https://three.example/")) {
            UpstreamRepository rows = second.bean(UpstreamRepository.class);
            assertThat(rows.list()).extracting(Upstream::url).containsExactly("http://two.example:8080/pypi/",
                    "https://admin.example/simple/", "https://three.example/");
            Upstream two = rows.findByUrl("http://two.example:8080/pypi/").orElseThrow();
            assertThat(two.priority()).as("the configured order decides again").isEqualTo(10);
            assertThat(two.enabled()).as("an administrator disabled it: it stays so").isFalse();
            assertThat(two.quarantineDays()).isEqualTo(5);
            assertThat(rows.find(added).orElseThrow().fromStartup()).isFalse();
        }

        try (TestServer none = start()) {
            assertThat(none.bean(UpstreamRepository.class).list()).extracting(Upstream::url)
                    .containsExactly("https://admin.example/simple/");
        }
    }

    @Test
    void serversStartingTogetherEndWithOneRowPerUrl() throws Exception {
        database = TestDatabase.of(databaseKind(), data);
        String[] urls = {"https://a.example/simple/", "https://b.example/simple/", "https://c.example/simple/"};
        // one database, a data directory each: what is asked here is how they share the table
        Path otherData = Files.createDirectories(data.resolve("other-server"));
        Map<String, Object> sameDatabase = Map.of("spring.datasource.url", database.url(),
                "spring.datasource.username", database.user(), "spring.datasource.password", database.password());
        CompletableFuture<TestServer> one = CompletableFuture.supplyAsync(() -> start(data, Map.of(), urls));
        CompletableFuture<TestServer> two = CompletableFuture.supplyAsync(() -> start(otherData, sameDatabase, urls));
        try (TestServer first = one.get(); TestServer second = two.get()) {
            assertThat(first.bean(UpstreamRepository.class).list()).extracting(Upstream::url, Upstream::priority)
                    .containsExactly(tuple(urls[0], 10),
                            tuple(urls[1], 20),
                            tuple(urls[2], 30));
            assertThat(second.bean(UpstreamRepository.class).list()).hasSize(3);
        }
    }

    @Test
    void anUnusableUrlStopsTheStartSayingWhichAndWhy() {
        database = TestDatabase.of(databaseKind(), data);
        assertThatThrownBy(() -> start("https://fine.example/simple/", "ftp://user:topsecret@files.example/simple/"))
                .hasStackTraceContaining("ASSAY_UPSTREAMS / --upstream: The upstream URL 'ftp://files.example/simple/' "
                        + "is not usable: only http:// and https:// upstreams are supported")
                .satisfies(failure -> assertThat(stackTrace(failure)).doesNotContain("topsecret"));
    }

    private TestServer start(String... urls) {
        return start(data, Map.of(), urls);
    }

    private TestServer start(Path directory, Map<String, Object> more, String... urls) {
        Map<String, Object> properties = new HashMap<>(more);
        for (int i = 0; i < urls.length; i++) {
            properties.put("assay.upstream.urls[" + i + "]", urls[i]);
        }
        return TestServer.start(directory, database, properties);
    }

    private static String stackTrace(Throwable failure) {
        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
