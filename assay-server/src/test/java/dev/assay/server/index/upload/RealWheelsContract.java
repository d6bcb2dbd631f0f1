package dev.assay.server.index.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.assay.server.accounts.AccountService;
import dev.assay.server.accounts.NewUser;
import dev.assay.server.accounts.tokens.NewToken;
import dev.assay.server.accounts.tokens.TokenScope;
import dev.assay.server.accounts.tokens.TokenService;
import dev.assay.server.testing.PipMirror;
import dev.assay.server.testing.TestDatabase;
import dev.assay.server.testing.TestServer;
import dev.assay.server.testing.TwineForms;

/**
 * Uploads real wheels from the local PyPI mirror that this machine's pip configuration names, each with the form
 * twine sends, and requires that Assay accepts (nearly) all of them, as PyPI did. Skipped loudly without a mirror.
 */
abstract class RealWheelsContract {

    /** The largest wheel uploaded, as in the report that found the refusals. */
    static final long MAX_BYTES = 5L * 1024 * 1024;
    /** {@code -Dassay.corpus=all} uploads every wheel instead of the suite's sample (see bench/corpus.sh). */
    static final String ALL_PROPERTY = "assay.corpus";

    abstract String databaseKind();

    /** The wheels this database uploads out of the mirror's, sorted by name. */
    abstract List<Path> sample(List<Path> wheels);

    /** Extra server settings (none by default; the object store's for {@code RealWheelsOnObjectStoreTest}). */
    Map<String, Object> storage() {
        return Map.of();
    }

    /** Checks, after the uploads, where the accepted wheels were kept (nothing by default). */
    void checkKept(TestServer server, List<Path> accepted) throws Exception {
    }

    /** Every {@code step}-th wheel by sorted name: deterministic, and spread over the alphabet. */
    static List<Path> everyNth(List<Path> wheels, int step) {
        List<Path> chosen = new ArrayList<>();
        for (int i = 0; i < wheels.size(); i += Math.max(1, step)) {
            chosen.add(wheels.get(i));
        }
        return chosen;
    }

    static boolean allRequested() {
        return "all".equals(System.getProperty(ALL_PROPERTY));
    }

    @Test
    void acceptsTheRealWheelsPypiAccepted(@TempDir Path temporary) throws Exception {
        List<Path> wheels = mirrorWheels();
        List<Path> chosen = sample(wheels);
        Path data = Files.createDirectories(temporary.resolve("data"));
        Path work = Files.createDirectories(temporary.resolve("work"));
        List<TwineForms.Form> forms = TwineForms.of(chosen, work);
        // many classifiers make forms of more than 50 parts, Tomcat's default limit
        Map<String, Object> properties = new HashMap<>(storage());
        properties.put("server.tomcat.max-part-count", 1000);
        try (TestDatabase database = TestDatabase.of(databaseKind(), data);
                TestServer server = TestServer.start(data, database, properties)) {
            String token = uploaderToken(server);
            Instant start = Instant.now();
            List<String> refusals = new ArrayList<>();
            List<Path> accepted = new ArrayList<>();
            for (TwineForms.Form form : forms) {
                List<String> refused = upload(server, token, form);
                refusals.addAll(refused);
                if (refused.isEmpty()) {
                    accepted.add(form.wheel());
                }
            }
            Duration took = Duration.between(start, Instant.now());
            System.out.printf("real wheels on %s: accepted %d of %d (of %d in the mirror under 5 MB) in %d s%n",
                    databaseKind(), accepted.size(), forms.size(), wheels.size(), took.toSeconds());
            assertThat(accepted.size())
                    .as("PyPI accepted every one of these wheels; refused:%n%s", String.join("\n", refusals))
                    .isGreaterThanOrEqualTo((int) Math.ceil(forms.size() * 0.995));
            checkKept(server, accepted);
        }
    }

    private static List<Path> mirrorWheels() {
        PipMirror mirror = PipMirror.configured();
        List<Path> wheels = mirror.wheelsSmallerThan(MAX_BYTES);
        if (wheels.isEmpty()) {
            skip("no local PyPI mirror with wheels under 5 MB in this machine's pip configuration ("
                    + mirror + "; `pip config list` names none)");
        }
        return wheels;
    }

    private static void skip(String why) {
        System.err.println("\n*** SKIPPING THE REAL-WHEELS UPLOAD TEST: " + why + " ***\n");
        Assumptions.abort(why);
    }

    private static String uploaderToken(TestServer server) {
        server.bean(AccountService.class).create(new NewUser("uploader", "uploader@example.org", "",
                "uploader password", Set.of()));
        return server.bean(TokenService.class).create(new NewToken("uploader", "corpus", null,
                Set.of(TokenScope.UPLOAD))).secret();
    }

    /** The refusal of one wheel, as one line naming the file, the status and the reason; none when accepted. */
    private static List<String> upload(TestServer server, String token, TwineForms.Form form)
            throws IOException, InterruptedException {
        String name = form.wheel().getFileName().toString();
        if (form.error() != null) {
            return List.of(name + ": no form could be built: " + form.error());
        }
        HttpResponse<String> response = form.send(server.url(), "__token__", token);
        if (response.statusCode() == 200) {
            return List.of();
        }
        String reason = response.body().lines().map(String::strip).collect(Collectors.joining(" "));
        return List.of(name + ": " + response.statusCode() + " " + (reason.length() > 600
                ? reason.substring(0, 600) + "..." : reason));
    }
}
