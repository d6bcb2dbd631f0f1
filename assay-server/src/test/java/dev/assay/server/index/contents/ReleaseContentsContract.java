package dev.assay.server.index.contents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.assay.server.accounts.AccountService;
import dev.assay.server.accounts.NewUser;
import dev.assay.server.error.NotFoundException;
import dev.assay.server.git.browse.diff.DiffLine;
import dev.assay.server.index.Project;
import dev.assay.server.index.ProjectRepository;
import dev.assay.server.index.ProjectService;
import dev.assay.server.index.Release;
import dev.assay.server.index.ReleaseLookup;
import dev.assay.server.index.Visibility;
import dev.assay.server.testing.PipMirror;
import dev.assay.server.testing.PythonDistributions;
import dev.assay.server.testing.PythonTools;
import dev.assay.server.testing.TestDatabase;
import dev.assay.server.testing.TestDistributions;
import dev.assay.server.testing.TestServer;
import dev.assay.server.testing.TwineForms;
import dev.assay.server.testing.WebSession;

/** A release's uploaded files read back, over real uploads (built sdists and wheels, real wheels), per database. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ReleaseContentsContract {

    static final String PASSWORD = "correct horse battery";

    TestDatabase database;
    TestServer server;
    WebSession web;
    List<Path> realWheels;

    abstract String databaseKind();

    @BeforeAll
    void upload(@TempDir Path data, @TempDir Path build) throws Exception {
        database = TestDatabase.of(databaseKind(), data);
        server = TestServer.start(data, database, Map.of("server.tomcat.max-part-count", 1000,
                "assay.contents.max-file-size", "4KB"));
        web = new WebSession(server.url());
        server.bean(AccountService.class).create(new NewUser("alice", "alice@example.org", "", PASSWORD, Set.of()));
        for (String version : List.of("1.0", "1.1")) {
            PythonDistributions.Built built = PythonDistributions.build(build, PythonDistributions.Spec.of(
                    "contents-app", version).withFiles(Map.of("contents_app/core.py", core(version),
                    "tests/test_core.py", "from contents_app.core import greet\n\ndef test_greet():\n    assert greet()\n",
                    "tests/blob.bin", "\u0000\u0001binary " + version, "tests/big.txt", "x".repeat(5000) + version)));
            PythonTools.twineUpload(server.url(), "alice", PASSWORD, built.wheel(), built.sdist()).assertSucceeded();
        }
        TestDistributions.Spec secret = new TestDistributions.Spec("secret-lib", "1.0", List.of("Summary: hidden"), "s");
        secret.upload(TestDistributions.sdist(build, secret), server.url(), "alice", PASSWORD);
        long secretId = server.bean(ProjectService.class).project("secret-lib").id();
        server.bean(ProjectRepository.class).setVisibility(secretId, Visibility.PRIVATE);
        realWheels = uploadRealWheels(build);
        uploadOddSdist(build);
    }

    /** An sdist with a link (inside the archive), a body that is not UTF-8 and a name that is, uploaded for real. */
    private void uploadOddSdist(Path work) throws Exception {
        TestDistributions.Spec odd = new TestDistributions.Spec("odd-lib", "1.0", List.of("Summary: odd"), "d");
        Path sdist = work.resolve("odd_lib-1.0.tar.gz");
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(Files.newOutputStream(sdist)))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            addFile(tar, "odd_lib-1.0/PKG-INFO", odd.metadata().getBytes(StandardCharsets.UTF_8));
            addFile(tar, "odd_lib-1.0/latin1.txt", "caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
            addFile(tar, "odd_lib-1.0/na\u00efve <b>.py", "print('<script>alert(1)</script>')\n".getBytes(StandardCharsets.UTF_8));
            TarArchiveEntry link = new TarArchiveEntry("odd_lib-1.0/link.txt", TarArchiveEntry.LF_SYMLINK);
            link.setLinkName("PKG-INFO");
            tar.putArchiveEntry(link);
            tar.closeArchiveEntry();
        }
        HttpResponse<String> response = odd.request(sdist).send(server.url(), "alice", PASSWORD);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static void addFile(TarArchiveOutputStream tar, String name, byte[] content) throws Exception {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(content.length);
        tar.putArchiveEntry(entry);
        tar.write(content);
        tar.closeArchiveEntry();
    }

    static String core(String version) {
        String body = "def greet():\n    return 'hello'\n\n\ndef shout(text):\n    return text.upper()\n";
        return version.equals("1.0") ? body : body.replace("text.upper()", "text.upper() + '!'") + "\n\nANSWER = 42\n";
    }

    /** Two small real wheels of the local PyPI mirror, sent with the form twine sends; none without a mirror. */
    private List<Path> uploadRealWheels(Path work) throws Exception {
        List<Path> chosen = PipMirror.configured().wheelsSmallerThan(2L * 1024 * 1024).stream()
                .filter(wheel -> wheel.getFileName().toString().matches("(six|idna)-[0-9.]+-py.*\\.whl")).toList();
        for (TwineForms.Form form : TwineForms.of(chosen, work)) {
            assertThat(form.send(server.url(), "alice", PASSWORD).statusCode()).as(form.wheel().toString())
                    .isEqualTo(200);
        }
        return chosen;
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
        if (database != null) {
            database.close();
        }
    }

    Project project(String name) {
        return server.bean(ProjectService.class).project(name);
    }

    Release release(String name, String version) {
        return server.bean(ReleaseLookup.class).release(project(name), version);
    }

    ReleaseContents contents() {
        return server.bean(ReleaseContents.class);
    }

    @Test
    void listsEverySdistAndWheelUnderLogicalPaths() {
        List<DistributionContents> files = contents().list(project("contents-app"), release("contents-app", "1.0"));

        assertThat(files).extracting(DistributionContents::root).containsExactlyInAnyOrder("sdist", "wheel/py3-none-any");
        DistributionContents sdist = files.stream().filter(file -> file.root().equals("sdist")).findFirst().orElseThrow();
        assertThat(sdist.problem()).isEmpty();
        assertThat(sdist.entries()).extracting(ContentEntry::path)
                .contains("sdist/PKG-INFO", "sdist/pyproject.toml", "sdist/contents_app/core.py",
                        "sdist/tests/test_core.py")
                .allMatch(path -> path.startsWith("sdist/") && !path.matches("sdist/contents.app-1\\.0.*"))
                .isSorted();
        ContentEntry core = sdist.entry("sdist/contents_app/core.py").orElseThrow();
        assertThat(core.kind()).isEqualTo(ContentKind.TEXT);
        assertThat(core.size()).isEqualTo(core("1.0").length());
        assertThat(core.sha256()).hasSize(64);
        assertThat(core.archivePath()).matches("contents.app-1\\.0/contents_app/core\\.py");
        DistributionContents wheel = files.stream().filter(file -> file.root().startsWith("wheel/")).findFirst()
                .orElseThrow();
        assertThat(wheel.entries()).extracting(ContentEntry::path).contains("wheel/py3-none-any/contents_app/core.py",
                "wheel/py3-none-any/contents_app.dist-info/METADATA");
    }

    @Test
    void readsOneLogicalPathAsNumberedLines() {
        FileText text = contents().text(project("contents-app"), release("contents-app", "1.0"),
                "sdist/contents_app/core.py");

        assertThat(text.isText()).isTrue();
        assertThat(text.lines()).containsExactly("def greet():", "    return 'hello'", "", "", "def shout(text):",
                "    return text.upper()");
        assertThat(text.file().filename()).endsWith(".tar.gz");
        assertThat(contents().find(project("contents-app"), release("contents-app", "1.0"),
                "wheel/py3-none-any/contents_app/core.py")).get().extracting(FileText::lines)
                .isEqualTo(text.lines());
    }

    @Test
    void aPathNoFileHoldsIsNotFound() {
        for (String path : List.of("sdist/missing.py", "sdist/../etc/passwd", "contents_app-1.0/PKG-INFO", "",
                "sdist", "wheel/py3-none-any/../../x", "/etc/passwd")) {
            assertThatThrownBy(() -> contents().text(project("contents-app"), release("contents-app", "1.0"), path))
                    .as(path).isInstanceOf(NotFoundException.class);
        }
    }

    @Test
    void readsRealWheelsFromTheMirror() {
        Assumptions.assumeFalse(realWheels.isEmpty(), "no six or idna wheel in the local PyPI mirror");
        for (Path wheel : realWheels) {
            String name = wheel.getFileName().toString();
            String project = name.substring(0, name.indexOf('-'));
            String version = name.split("-")[1];
            List<DistributionContents> files = contents().list(project(project), release(project, version));
            assertThat(files).hasSize(1);
            DistributionContents listed = files.get(0);
            assertThat(listed.problem()).as(name).isEmpty();
            String tag = name.substring(name.indexOf('-', name.indexOf('-') + 1) + 1, name.length() - ".whl".length());
            assertThat(listed.root()).isEqualTo("wheel/" + tag);
            ContentEntry wheelFile = listed.entries().stream().filter(entry -> entry.path().endsWith(".dist-info/WHEEL"))
                    .findFirst().orElseThrow();
            FileText text = contents().text(project(project), release(project, version), wheelFile.path());
            assertThat(text.lines()).as(name).contains("Wheel-Version: 1.0");
            assertThat(listed.entries()).as(name).anyMatch(entry -> entry.path().endsWith(".py")
                    && entry.kind().isFile() && entry.sha256().length() == 64);
        }
    }
    @Test
    void classifiesBinaryTooLargeUndecodableAndLinkedEntries() {
        DistributionContents sdist = contents().list(project("contents-app"), release("contents-app", "1.0")).stream()
                .filter(file -> file.root().equals("sdist")).findFirst().orElseThrow();
        assertThat(sdist.entry("sdist/tests/blob.bin")).get().extracting(ContentEntry::kind).isEqualTo(ContentKind.BINARY);
        assertThat(sdist.entry("sdist/tests/big.txt")).get().extracting(ContentEntry::kind, ContentEntry::size)
                .containsExactly(ContentKind.TOO_LARGE, 5003L);
        DistributionContents odd = contents().list(project("odd-lib"), release("odd-lib", "1.0")).get(0);
        assertThat(odd.entry("sdist/latin1.txt")).get().extracting(ContentEntry::kind).isEqualTo(ContentKind.UNDECODABLE);
        assertThat(odd.entry("sdist/link.txt")).get().extracting(ContentEntry::kind, ContentEntry::linkTarget)
                .containsExactly(ContentKind.SYMLINK, "sdist/PKG-INFO");
        FileText link = contents().text(project("odd-lib"), release("odd-lib", "1.0"), "sdist/link.txt");
        assertThat(link.lines()).as("a link is never followed").isEmpty();
    }

    @Test
    void comparesTwoReleasesByLogicalPath() {
        ContentsComparison diff = server.bean(ContentsDiff.class).compare(project("contents-app"),
                release("contents-app", "1.0"), release("contents-app", "1.1"));

        assertThat(diff.files()).extracting(ChangedFile::path).contains("sdist/contents_app/core.py",
                "wheel/py3-none-any/contents_app/core.py", "sdist/tests/blob.bin", "sdist/tests/big.txt")
                .doesNotContain("sdist/tests/test_core.py").isSorted();
        assertThat(diff.unchanged()).isPositive();
        ChangedFile core = diff.files().stream().filter(file -> file.path().equals("sdist/contents_app/core.py"))
                .findFirst().orElseThrow();
        assertThat(core.change()).isEqualTo(ChangedFile.Change.CHANGED);
        assertThat(core.textDiff()).isTrue();
        assertThat(core.added()).isEqualTo(4);
        assertThat(core.removed()).isEqualTo(1);
        assertThat(core.lines()).anySatisfy(line -> {
            assertThat(line.kind()).isEqualTo(DiffLine.Kind.REMOVED);
            assertThat(line.oldNumber()).isEqualTo(6);
            assertThat(line.text()).isEqualTo("    return text.upper()");
        }).anySatisfy(line -> {
            assertThat(line.kind()).isEqualTo(DiffLine.Kind.ADDED);
            assertThat(line.newNumber()).isEqualTo(9);
            assertThat(line.text()).isEqualTo("ANSWER = 42");
        });
        ChangedFile blob = diff.files().stream().filter(file -> file.path().equals("sdist/tests/blob.bin"))
                .findFirst().orElseThrow();
        assertThat(blob.textDiff()).isFalse();
        assertThat(blob.oldEntry().orElseThrow().sha256()).isNotEqualTo(blob.newEntry().orElseThrow().sha256());
        ContentsComparison same = server.bean(ContentsDiff.class).compare(project("contents-app"),
                release("contents-app", "1.0"), release("contents-app", "1.0"));
        assertThat(same.files()).isEmpty();
    }

    @Test
    void theReleasePageLinksToTheListingWhichLinksToEveryFile() {
        Document release = web.page("project/contents-app/1.0/");
        assertThat(release.selectFirst("#browse-contents").attr("href")).isEqualTo("/project/contents-app/1.0/contents/");

        Document listing = web.page("project/contents-app/1.0/contents/");
        assertThat(listing.select("details.contents-file").eachAttr("data-root"))
                .containsExactlyInAnyOrder("sdist", "wheel/py3-none-any");
        Element core = listing.selectFirst("tr[data-path='sdist/contents_app/core.py']");
        assertThat(core.selectFirst("a").attr("href")).isEqualTo("/project/contents-app/1.0/contents/sdist/contents_app/core.py");
        assertThat(core.selectFirst(".size").text()).isEqualTo(String.valueOf(core("1.0").length()));
        Element folder = listing.selectFirst("details.folder[data-path='sdist/contents_app']");
        assertThat(folder.selectFirst("summary .folder-name").text()).isEqualTo("contents_app/");
        assertThat(folder.select("tr[data-path='sdist/contents_app/core.py']")).hasSize(1);
        assertThat(listing.selectFirst("details.contents-file[data-root=sdist] > table tr[data-path='sdist/PKG-INFO']"))
                .as("a file at the top sits outside every folder").isNotNull();
        assertThat(web.page("project/contents-app/1.1/contents/").select("#compare-links a").eachAttr("href"))
                .containsExactly("/project/contents-app/compare/1.0...1.1/contents");
    }

    @Test
    void aTextFileHasNumberedLinesOthersCanAnchorCommentsTo() {
        Document page = web.page("project/contents-app/1.0/contents/sdist/contents_app/core.py");

        assertThat(page.selectFirst("#file-path").text()).isEqualTo("sdist/contents_app/core.py");
        Element line = page.getElementById("L5");
        assertThat(line.attr("data-path")).isEqualTo("sdist/contents_app/core.py");
        assertThat(line.attr("data-line")).isEqualTo("5");
        assertThat(line.attr("data-side")).isEqualTo("new");
        assertThat(line.selectFirst("a.line-link").attr("href")).isEqualTo("#L5");
        assertThat(line.selectFirst("td.text").text()).isEqualTo("def shout(text):");
        assertThat(page.select("#file-lines tr")).hasSize(6);
    }

    @Test
    void binaryLargeUndecodableAndLinkedFilesShowSizeAndDigestInstead() {
        for (String path : List.of("contents-app/1.0/contents/sdist/tests/blob.bin",
                "contents-app/1.0/contents/sdist/tests/big.txt", "odd-lib/1.0/contents/sdist/latin1.txt")) {
            Document page = web.page("project/" + path);
            assertThat(page.select("#file-lines")).as(path).isEmpty();
            assertThat(page.selectFirst("#entry-sha256").text()).as(path).hasSize(64);
            assertThat(page.selectFirst("#entry-size").attr("title")).as(path).endsWith(" bytes");
        }
        Document link = web.page("project/odd-lib/1.0/contents/sdist/link.txt");
        assertThat(link.selectFirst("#link-target").text()).isEqualTo("sdist/PKG-INFO");
        Document odd = web.page("project/odd-lib/1.0/contents/sdist/na%C3%AFve%20%3Cb%3E.py");
        assertThat(odd.selectFirst("#L1 td.text").text()).isEqualTo("print('<script>alert(1)</script>')");
        assertThat(odd.select("script:containsData(alert)")).as("escaped, never run").isEmpty();
        for (String folder : List.of("sdist/tests", "sdist/tests/")) {
            assertThat(web.page("project/contents-app/1.0/contents/" + folder).select("#folder-entries a").eachText())
                    .as(folder).contains("sdist/tests/test_core.py");
        }
    }

    @Test
    void theComparePageAnchorsEveryLineOnItsSide() {
        Document page = web.page("project/contents-app/compare/1.0...1.1/contents");

        Element core = page.selectFirst("article.file-diff[data-path='sdist/contents_app/core.py']");
        assertThat(core.attr("data-change")).isEqualTo("changed");
        String anchor = core.id();
        Element removed = core.getElementById(anchor + "-old-6");
        assertThat(removed.attr("data-side")).isEqualTo("old");
        assertThat(removed.attr("data-line")).isEqualTo("6");
        assertThat(removed.attr("data-path")).isEqualTo("sdist/contents_app/core.py");
        assertThat(removed.parent().hasClass("removed")).isTrue();
        Element added = core.getElementById(anchor + "-new-9");
        assertThat(added.attr("data-side")).isEqualTo("new");
        assertThat(added.selectFirst("a").attr("href")).isEqualTo("#" + anchor + "-new-9");
        Element blob = page.selectFirst("article.file-diff[data-path='sdist/tests/blob.bin']");
        assertThat(blob.select("table.not-text code.sha256")).hasSize(2);
    }

    @Test
    void readersOfAPrivateProjectAloneSeeItsContents() {
        List<String> paths = List.of("project/secret-lib/1.0/contents/", "project/secret-lib/1.0/contents/sdist/PKG-INFO",
                "project/secret-lib/compare/1.0...1.0/contents");
        for (String path : paths) {
            assertThat(web.get(path).statusCode()).as(path).isEqualTo(404);
        }
        WebSession alice = new WebSession(server.url());
        alice.logIn("alice", PASSWORD);
        for (String path : paths) {
            assertThat(alice.get(path).statusCode()).as(path).isEqualTo(200);
        }
    }

    @Test
    void aBadAddressIsAClearClientError() {
        assertThat(web.get("project/contents-app/compare/1.0..1.1/contents").statusCode()).isEqualTo(400);
        assertThat(web.get("project/contents-app/compare/1.0...9.9/contents").statusCode()).isEqualTo(404);
        assertThat(web.get("project/contents-app/9.9/contents/").statusCode()).isEqualTo(404);
        assertThat(web.get("project/contents-app/1.0/contents/sdist/nothing.py").statusCode()).isEqualTo(404);
    }
    @Test
    void hostileAddressesGetAClientErrorAndNeverReadOutsideTheArchive() {
        String base = "/project/contents-app/1.0/contents/";
        for (String path : List.of("../../../../etc/passwd", "sdist/../../../etc/passwd", "%2e%2e/%2e%2e/etc/passwd",
                "sdist%2F..%2F..%2Fetc%2Fpasswd", "sdist/contents_app%2Fcore.py", "sdist/%00", "sdist%5c..%5cPKG-INFO",
                "sdist/%ff%fe", "/etc/passwd", "sdist//contents_app/core.py", "sdist/./PKG-INFO", "file:///etc/passwd",
                "sdist/" + "a/".repeat(2000), ";jsessionid=1/sdist/PKG-INFO", "sdist/PKG-INFO%3F", "C:%5cwindows")) {
            int status = RawRequests.status(server.port(), base + path);
            assertThat(status).as(path).isIn(400, 404);
        }
    }

    @Test
    void fuzzedAddressesAreNeverAServerError() {
        String[] pieces = {"sdist", "wheel", "py3-none-any", "contents_app", "core.py", "PKG-INFO", "..", ".", "",
                "%2e%2e", "%2F", "%5C", "%00", "%ff", "%C3%A9", "~", "compare", "1.0...1.1", "1.0", "9.9", "contents",
                "secret-lib", "%20", "a%3Cb%3E", "tests", "link.txt", "x".repeat(300), "%25", "+", "!"};
        String[] prefixes = {"/project/contents-app/1.0/contents/", "/project/contents-app/compare/",
                "/project/odd-lib/1.0/contents/sdist/", "/project/contents-app/", "/project/"};
        Random random = new Random(11);
        for (int i = 0; i < 400; i++) {
            StringBuilder target = new StringBuilder(prefixes[random.nextInt(prefixes.length)]);
            for (int n = random.nextInt(7); n >= 0; n--) {
                target.append(pieces[random.nextInt(pieces.length)]).append(random.nextInt(4) == 0 ? "" : "/");
            }
            int status = RawRequests.status(server.port(), target.toString());
            assertThat(status).as(target.toString()).isLessThan(500);
        }
    }
    @Test
    void theApiAnswersWhatThePagesShow() {
        JsonMapper json = JsonMapper.builder().build();
        JsonNode listing = json.readTree(web.get("api/v1/projects/contents-app/1.0/contents").body());
        assertThat(listing.get("version").asString()).isEqualTo("1.0");
        assertThat(listing.get("files").findValuesAsString("root")).containsExactlyInAnyOrder("sdist", "wheel/py3-none-any");
        assertThat(listing.get("files").findValues("path").stream().map(JsonNode::asString))
                .contains("sdist/contents_app/core.py");

        HttpResponse<String> file = web.get("api/v1/projects/contents-app/1.0/contents/sdist/contents_app/core.py");
        assertThat(file.statusCode()).isEqualTo(200);
        JsonNode entry = json.readTree(file.body());
        assertThat(entry.get("entry").get("kind").asString()).isEqualTo("TEXT");
        assertThat(entry.get("lines").get(4).asString()).isEqualTo("def shout(text):");

        JsonNode diff = json.readTree(web.get("api/v1/projects/contents-app/compare/1.0...1.1/contents").body());
        assertThat(diff.get("files").findValuesAsString("path")).contains("sdist/contents_app/core.py");
        assertThat(web.get("api/v1/projects/secret-lib/1.0/contents").statusCode()).isEqualTo(401);
        assertThat(web.get("api/v1/projects/contents-app/1.0/contents/sdist/missing").statusCode()).isEqualTo(404);
        assertThat(web.get("api/v1/projects/contents-app/compare/1.0/contents").statusCode()).isEqualTo(400);
    }
}
