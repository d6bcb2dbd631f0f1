package dev.assay.server.upstream.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

import dev.assay.server.testing.PipMirror;
import dev.assay.server.upstream.UpstreamFile;

class PageParserTest {

    private static final Optional<String> HTML = Optional.of("text/html; charset=utf-8");
    private static final Optional<String> JSON = Optional.of("application/vnd.pypi.simple.v1+json");
    private static final URI PAGE = URI.create("https://pypi.example/simple/demo/");
    private static final String SHA = "a".repeat(64);

    private final PageParser parser = new PageParser(JsonMapper.builder().build());

    @Test
    void readsEveryLinkOfEveryPageOfTheLocalMirror() throws IOException {
        PipMirror mirror = PipMirror.configured();
        List<Path> pages = new ArrayList<>();
        for (Path source : mirror.sources()) {
            try (Stream<Path> projects = Files.list(source)) {
                projects.map(project -> project.resolve("index.html")).filter(Files::isRegularFile).forEach(pages::add);
            }
        }
        assertThat(pages).as("project pages of " + mirror).isNotEmpty();
        Pattern href = Pattern.compile("<a href=\"([^\"#]+)(?:#sha256=([0-9a-f]{64}))?\"");
        for (Path page : pages) {
            String html = Files.readString(page);
            URI url = URI.create("http://mirror.test/simple/" + page.getParent().getFileName() + "/");
            List<UpstreamFile> files = parser.parse(url, HTML, html.getBytes(StandardCharsets.UTF_8));

            Matcher link = href.matcher(html);
            List<String> expected = new ArrayList<>();
            while (link.find()) {
                expected.add(url.resolve(link.group(1)) + " " + link.group(2));
            }
            assertThat(files).as(page.toString()).extracting(file -> file.url() + " " + file.sha256().orElse(null))
                    .containsExactlyElementsOf(expected);
        }
    }

    @Test
    void readsWhatAnHtmlPageSaysAboutAFile() {
        String html = """
                <!DOCTYPE html><html><head><meta name="pypi:repository-version" content="1.1"></head><body>
                <a href="../../files/demo-1.0-py3-none-any.whl#sha256=%s" data-requires-python="&gt;=3.8"
                   data-core-metadata="sha256=%s" data-dist-info-metadata="sha256=%s">demo-1.0-py3-none-any.whl</a>
                <a href="https://files.example/demo-0.9.tar.gz" data-yanked="broken &amp; insecure"
                   data-dist-info-metadata="true">demo-0.9.tar.gz</a>
                <a href="demo-0.8.zip" data-yanked="">demo-0.8.zip</a>
                <a href="javascript:alert(1)//demo-0.7.tar.gz">x</a>
                <a href="demo-0.6.egg">egg</a>
                <a href="..%%2F..%%2Fetc%%2Fdemo-0.5.tar.gz">slash</a>
                <a href="demo-0.4%%0A.tar.gz">newline</a>
                <a href="ftp://files.example/demo-0.3.tar.gz">ftp</a>
                </body></html>""".formatted(SHA, "b".repeat(64), "c".repeat(64));

        List<UpstreamFile> files = parser.parse(PAGE, HTML, html.getBytes(StandardCharsets.UTF_8));

        assertThat(files).containsExactly(
                new UpstreamFile("demo-1.0-py3-none-any.whl",
                        URI.create("https://pypi.example/files/demo-1.0-py3-none-any.whl"), Map.of("sha256", SHA),
                        Optional.of(">=3.8"), false, Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.of(Map.of("sha256", "b".repeat(64)))),
                new UpstreamFile("demo-0.9.tar.gz", URI.create("https://files.example/demo-0.9.tar.gz"), Map.of(),
                        Optional.empty(), true, Optional.of("broken & insecure"), Optional.empty(), Optional.empty(),
                        Optional.of(Map.of())),
                new UpstreamFile("demo-0.8.zip", URI.create("https://pypi.example/simple/demo/demo-0.8.zip"), Map.of(),
                        Optional.empty(), true, Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.empty()));
    }

    @Test
    void readsAJsonPageAsPypiServesIt() {
        String json = """
                {"meta": {"api-version": "1.3", "_last-serial": 27000000}, "name": "demo",
                 "versions": ["1.0", "0.9"],
                 "files": [
                  {"core-metadata": {"sha256": "%s"}, "data-dist-info-metadata": {"sha256": "%s"},
                   "filename": "demo-1.0-py3-none-any.whl", "hashes": {"sha256": "%s", "blake2b_256": "0f1e"},
                   "provenance": null, "requires-python": ">=3.9", "size": 103058,
                   "upload-time": "2025-05-13T15:01:17.447530Z",
                   "url": "https://files.pythonhosted.org/packages/3c/demo-1.0-py3-none-any.whl", "yanked": false},
                  {"core-metadata": false, "filename": "demo-0.9.tar.gz", "hashes": {"sha256": "%s"},
                   "requires-python": null, "size": 5, "upload-time": "2024-01-02T03:04:05Z",
                   "url": "https://files.pythonhosted.org/packages/00/demo-0.9.tar.gz", "yanked": "bad build"},
                  {"filename": "../demo-0.8.tar.gz", "url": "https://files.example/x", "hashes": {}},
                  {"filename": "demo-0.7.tar.gz", "url": "javascript:alert(1)", "hashes": {}}
                 ]}""".formatted("b".repeat(64), "b".repeat(64), SHA, "d".repeat(64));

        List<UpstreamFile> files = parser.parse(PAGE, JSON, json.getBytes(StandardCharsets.UTF_8));

        assertThat(files).containsExactly(
                new UpstreamFile("demo-1.0-py3-none-any.whl",
                        URI.create("https://files.pythonhosted.org/packages/3c/demo-1.0-py3-none-any.whl"),
                        Map.of("sha256", SHA, "blake2b_256", "0f1e"), Optional.of(">=3.9"), false, Optional.empty(),
                        Optional.of(Instant.parse("2025-05-13T15:01:17.447530Z")), Optional.of(103058L),
                        Optional.of(Map.of("sha256", "b".repeat(64)))),
                new UpstreamFile("demo-0.9.tar.gz",
                        URI.create("https://files.pythonhosted.org/packages/00/demo-0.9.tar.gz"),
                        Map.of("sha256", "d".repeat(64)), Optional.empty(), true, Optional.of("bad build"),
                        Optional.of(Instant.parse("2024-01-02T03:04:05Z")), Optional.of(5L), Optional.empty()));
    }

    @Test
    void readsAJsonPageAsAssayServesIt() {
        // the shape of index.simple.SimpleJson: relative file URLs, core-metadata only, micro-second upload times
        String json = """
                {"meta":{"api-version":"1.1","_last-serial":12},"name":"demo","versions":["1.0"],
                 "files":[{"filename":"demo-1.0-py3-none-any.whl",
                 "url":"/files/demo/demo-1.0-py3-none-any.whl","hashes":{"sha256":"%s"},
                 "requires-python":">=3.8","yanked":false,"core-metadata":{"sha256":"%s"},"size":1234,
                 "upload-time":"2026-12-05T10:11:12.123456Z"}]}""".formatted(SHA, "b".repeat(64));

        List<UpstreamFile> files = parser.parse(URI.create("http://127.0.0.1:8080/simple/demo/"),
                Optional.of("application/vnd.pypi.simple.v1+json"), json.getBytes(StandardCharsets.UTF_8));

        assertThat(files).singleElement().satisfies(file -> {
            assertThat(file.url()).hasToString("http://127.0.0.1:8080/files/demo/demo-1.0-py3-none-any.whl");
            assertThat(file.coreMetadata()).contains(Map.of("sha256", "b".repeat(64)));
            assertThat(file.uploadTime()).contains(Instant.parse("2026-12-05T10:11:12.123456Z"));
        });
    }

    @Test
    void aPageThatIsNotASimpleApiPageIsMalformedSayingWhy() {
        assertThatThrownBy(() -> parser.parse(PAGE, JSON, "{\"files\": []}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedPageException.class).hasMessage("meta.api-version is ''; version 1.x is understood");
        assertThatThrownBy(() -> parser.parse(PAGE, Optional.of("image/png"), new byte[] {1, 2}))
                .isInstanceOf(MalformedPageException.class)
                .hasMessage("it was served as image/png, neither PEP 691 JSON nor PEP 503 HTML");
        assertThatThrownBy(() -> parser.parse(PAGE, JSON, """
                {"meta": {"api-version": "1.0"}, "files": [{"filename": "demo-1.0.tar.gz", "url": "demo-1.0.tar.gz",
                 "size": "big"}]}""".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedPageException.class).hasMessage("size of demo-1.0.tar.gz is not a byte count");
        assertThatThrownBy(() -> parser.parse(PAGE, HTML, "just text".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedPageException.class).hasMessage("it is plain text, not HTML");
    }
}
