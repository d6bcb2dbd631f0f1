package dev.assay.server.upstream.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

import dev.assay.server.upstream.UpstreamFile;

/** Pages an upstream (or someone in between) could send to break the parser: only a malformed-page failure. */
class HostilePagesTest {

    private static final URI PAGE = URI.create("https://pypi.example/simple/demo/");
    private static final List<Optional<String>> TYPES = List.of(Optional.of("text/html"),
            Optional.of("application/vnd.pypi.simple.v1+json"), Optional.empty(), Optional.of("text/html; charset=x"),
            Optional.of("application/vnd.pypi.simple.v1+html; charset=latin1"));

    private final PageParser parser = new PageParser(JsonMapper.builder().build());

    @Test
    void hostilePagesFailOnlyAsMalformedAndNeverListAnUnsafeFile() {
        Random random = new Random(14);
        List<byte[]> pages = new java.util.ArrayList<>(List.of(
                "[".repeat(50_000).getBytes(StandardCharsets.UTF_8),
                ("{\"meta\":{\"api-version\":\"1.0\"},\"files\":" + "[".repeat(100_000))
                        .getBytes(StandardCharsets.UTF_8),
                "<div>".repeat(5_000).getBytes(StandardCharsets.UTF_8),
                ("<a href=\"demo-1.0.tar.gz#sha256=" + "f".repeat(64) + "\">x</a>\n").repeat(10_000)
                        .getBytes(StandardCharsets.UTF_8),
                "<a href=\"javascript:alert(1)\">demo-1.0.tar.gz</a><a href=\"data:text/html,x/demo-1.0.tar.gz\">d</a>"
                        .getBytes(StandardCharsets.UTF_8),
                "<a href=\"../../../etc/demo-1.0.tar.gz/..\">x</a><a href=\"%2e%2e%2fdemo-1.0.tar.gz\">y</a>"
                        .getBytes(StandardCharsets.UTF_8),
                "<a href=\"http://[::1\">x</a><a href=\"http://a b/demo-1.0.tar.gz\">y</a><a href=\"%zz.tar.gz\">"
                        .getBytes(StandardCharsets.UTF_8),
                "{\"meta\":{\"api-version\":\"1.0\"},\"files\":[{\"filename\":\"..\\\\demo-1.0.tar.gz\",\"url\":\"x\"}]}"
                        .getBytes(StandardCharsets.UTF_8)));
        for (String files : List.of("1", "null", "{}", "[1]", "[[]]", "[{\"filename\":1,\"url\":\"x\"}]",
                "[{\"filename\":\"demo-1.0.tar.gz\",\"url\":{}}]",
                "[{\"filename\":\"demo-1.0.tar.gz\",\"url\":\"x\",\"hashes\":[]}]",
                "[{\"filename\":\"demo-1.0.tar.gz\",\"url\":\"x\",\"hashes\":{\"sha256\":[]}}]",
                "[{\"filename\":\"demo-1.0.tar.gz\",\"url\":\"x\",\"yanked\":{}}]",
                "[{\"filename\":\"demo-1.0.tar.gz\",\"url\":\"x\",\"size\":1e400}]",
                "[{\"filename\":\"demo-1.0.tar.gz\",\"url\":\"x\",\"size\":-1}]",
                "[{\"filename\":\"demo-1.0.tar.gz\",\"url\":\"x\",\"upload-time\":\"yesterday\"}]",
                "[{\"filename\":\"demo-1.0.tar.gz\",\"url\":\"x\",\"core-metadata\":\"yes\"}]",
                "[{\"filename\":\"demo-1.0.tar.gz\",\"url\":\"x\",\"requires-python\":3}]")) {
            pages.add(("{\"meta\":{\"api-version\":\"1.0\"},\"files\":" + files + "}").getBytes(StandardCharsets.UTF_8));
        }
        for (int i = 0; i < 200; i++) {
            pages.add(random(random, pages.get(random.nextInt(pages.size()))));
        }
        for (byte[] page : pages) {
            for (Optional<String> type : TYPES) {
                assertThatCode(() -> {
                    try {
                        parser.parse(PAGE, type, page).forEach(HostilePagesTest::assertSafe);
                    } catch (MalformedPageException expected) {
                        assertThat(expected.getMessage()).isNotBlank().hasSizeLessThan(400);
                    }
                }).as("a page starting %s", new String(page, 0, Math.min(page.length, 60), StandardCharsets.UTF_8))
                        .doesNotThrowAnyException();
            }
        }
    }

    /** Random bytes, or a page cut and mutated. */
    private static byte[] random(Random random, byte[] base) {
        byte[] page = random.nextBoolean() ? new byte[random.nextInt(4096)]
                : java.util.Arrays.copyOf(base, Math.min(base.length, random.nextInt(8192)));
        if (page.length > 0 && random.nextBoolean()) {
            for (int i = 0; i < 1 + random.nextInt(20); i++) {
                page[random.nextInt(page.length)] = (byte) random.nextInt(256);
            }
        } else if (page.length > 0 && base.length < 8192) {
            random.nextBytes(page);
        }
        return page;
    }

    private static void assertSafe(UpstreamFile file) {
        assertThat(file.filename()).doesNotContain("/", "\\").matches("[^\\p{Cntrl}\\s]+")
                .matches(".*(\\.whl|\\.tar\\.gz|\\.zip)");
        assertThat(file.url().getScheme()).isIn("http", "https");
        assertThat(file.url().getFragment()).isNull();
    }
}
