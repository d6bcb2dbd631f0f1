package dev.assay.server.upstream.fetch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

import dev.assay.server.accounts.AccountService;
import dev.assay.server.accounts.NewUser;
import dev.assay.server.accounts.tokens.NewToken;
import dev.assay.server.accounts.tokens.TokenScope;
import dev.assay.server.accounts.tokens.TokenService;
import dev.assay.server.testing.TestDatabase;
import dev.assay.server.testing.TestServer;
import dev.assay.server.upstream.config.Upstream;
import dev.assay.server.upstream.config.UpstreamRepository;
import dev.assay.server.upstream.rules.NameRuleRepository;
import dev.assay.server.upstream.rules.UpstreamNames;

/**
 * A server for the upstream index's suites: an uploader's token, fake upstreams registered by priority and removed
 * after each test with their rules, and upstream indexes built over the server's repositories with a clock the
 * test moves and the timeouts and limits it chooses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class UpstreamIndexFixture {

    static final Duration TTL = Duration.ofMinutes(10);
    static final String SHA = "ab".repeat(32);

    Path data;
    TestDatabase database;
    TestServer server;
    String token;
    final MovableClock clock = new MovableClock(Instant.parse("2026-12-06T12:00:00Z"));
    private final List<FakeUpstream> fakes = new java.util.ArrayList<>();

    abstract String databaseKind();

    @BeforeAll
    void startServer(@TempDir Path temporary) throws Exception {
        data = Files.createDirectories(temporary.resolve("data"));
        database = TestDatabase.of(databaseKind(), data);
        server = TestServer.start(data, database);
        server.bean(AccountService.class).create(new NewUser("alice", "alice@example.org", "", "alice password",
                Set.of()));
        token = server.bean(TokenService.class)
                .create(new NewToken("alice", "uploads", null, Set.of(TokenScope.UPLOAD))).secret();
    }

    @AfterEach
    void removeUpstreamsAndRules() {
        fakes.forEach(FakeUpstream::close);
        fakes.clear();
        UpstreamRepository upstreams = server.bean(UpstreamRepository.class);
        upstreams.list().forEach(upstream -> upstreams.delete(upstream.id()));
        NameRuleRepository rules = server.bean(NameRuleRepository.class);
        rules.list().forEach(rule -> rules.delete(rule.id()));
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

    FakeUpstream fake(int priority) {
        FakeUpstream upstream = new FakeUpstream();
        fakes.add(upstream);
        server.bean(UpstreamRepository.class).insert(upstream.url(), Optional.of("mirror"), Optional.of("secret"),
                priority, 0, false, clock.instant());
        return upstream;
    }

    Upstream upstream(FakeUpstream fake) {
        return server.bean(UpstreamRepository.class).findByUrl(fake.url()).orElseThrow();
    }

    CachingUpstreamIndex index() {
        return index(Duration.ofSeconds(5), DataSize.ofMegabytes(20));
    }

    CachingUpstreamIndex index(Duration readTimeout, DataSize maxPage) {
        FetchSettings settings = new FetchSettings(TTL, Duration.ofSeconds(5), readTimeout, maxPage);
        PageFetcher fetcher = new PageFetcher(new UpstreamHttp(settings), server.bean(PageParser.class), settings,
                clock);
        return new CachingUpstreamIndex(server.bean(UpstreamNames.class), server.bean(UpstreamRepository.class),
                server.bean(UpstreamPageRepository.class), fetcher, settings, clock);
    }

    static String jsonPage(String name, String version, String uploadTime) {
        String file = name.replace('-', '_') + "-" + version + "-py3-none-any.whl";
        return """
                {"meta": {"api-version": "1.1"}, "name": "%s", "files": [{"filename": "%s",
                 "url": "https://files.example/%s", "hashes": {"sha256": "%s"}, "upload-time": "%s", "size": 10}]}"""
                .formatted(name, file, file, SHA, uploadTime);
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    /** A clock the test moves forward. */
    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
