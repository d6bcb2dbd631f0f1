package dev.assay.server.git.browse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import dev.assay.server.config.AssayProperties;
import dev.assay.server.index.ProjectRepository;
import dev.assay.server.testing.TestDatabase;
import dev.assay.server.testing.TestServer;
import dev.assay.server.testing.WebSession;

/** A directory's README and last commits, and the unified and side-by-side diffs, run once per database. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SourceBrowsingContract {

    static final String BASE = "project/browsed/source";

    TestDatabase database;
    TestServer server;
    WebSession web;
    BrowsingFixture repo;
    Path bare;

    abstract String databaseKind();

    @BeforeAll
    void buildRepository(@TempDir Path data, @TempDir Path scratch) throws IOException {
        database = TestDatabase.of(databaseKind(), data);
        server = TestServer.start(data, database);
        web = new WebSession(server.url());
        server.bean(ProjectRepository.class).insert("browsed", "browsed", Instant.now());
        bare = server.bean(AssayProperties.class).gitDirectory().resolve("browsed.git");
        repo = BrowsingFixture.build(bare, scratch);
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

    @Test
    void rootReadmeIsRenderedFromMarkdownWithoutScriptsHandlersOrUnsafeLinks() {
        Document page = web.page(BASE + "/tree/main");
        Element readme = page.selectFirst("#readme");

        assertThat(readme.selectFirst("h2 a").text()).isEqualTo("README.md");
        assertThat(readme.selectFirst("h2 a").attr("href")).isEqualTo("/" + BASE + "/blob/main/README.md");
        assertThat(readme.selectFirst(".rendered h1").text()).isEqualTo("Hello readers");
        assertThat(readme.select("script, [onerror], [onclick]")).isEmpty();
        assertThat(readme.select("a[href]").eachAttr("href")).noneMatch(href -> href.contains("javascript"))
                .contains("https://example.org/");
        // relative links go to the file view of the same directory, images to the raw file, anchors stay
        assertThat(link(readme, "the docs")).isEqualTo("/" + BASE + "/blob/main/docs/README.rst");
        assertThat(link(readme, "top")).isEqualTo("#hello-readers");
        assertThat(readme.select("img").eachAttr("src"))
                .containsExactly("/" + BASE + "/raw/main/img/logo.png", "/" + BASE + "/raw/main/x");
        assertThat(readme.text()).contains("click me");
        assertThat(page.select("script").eachAttr("src")).hasSize(page.select("script").size());
    }

    @Test
    void subdirectoryReadmeInReStructuredTextIsShownAsText() {
        Element readme = web.page(BASE + "/tree/main/docs").selectFirst("#readme");

        assertThat(readme.selectFirst("h2 a").text()).isEqualTo("README.rst");
        assertThat(readme.selectFirst("pre").wholeText()).isEqualTo(BrowsingFixture.RST_README);
        assertThat(readme.select("script, h1")).isEmpty();
        assertThat(web.page(BASE + "/tree/main/src").select("#readme")).isEmpty();
    }

    @Test
    void eachEntryShowsTheLastCommitThatChangedIt() {
        Document root = web.page(BASE + "/tree/main");

        assertThat(lastCommit(root, "docs")).isEqualTo(repo.docsCommit);
        assertThat(lastCommit(root, "README.md")).isEqualTo(repo.docsCommit);
        assertThat(lastCommit(root, "src")).isEqualTo(repo.utilCommit);
        // merged from a side branch: the commit that changed it there, not the merge
        assertThat(lastCommit(root, "notes.txt")).isEqualTo(repo.sideCommit);
        // changed by the merge itself
        assertThat(lastCommit(root, "both.txt")).isEqualTo(repo.mergeCommit);
        Element src = root.selectFirst("#entries tr[data-name=src] td.last-commit");
        assertThat(src.selectFirst("a").text()).isEqualTo("Change util");
        assertThat(src.selectFirst("time").attr("datetime")).startsWith("2023-11-14T22:");

        Document srcDir = web.page(BASE + "/tree/main/src");
        assertThat(lastCommit(srcDir, "app.py")).isEqualTo(repo.appCommit);
        assertThat(lastCommit(srcDir, "util.py")).isEqualTo(repo.utilCommit);
        // before the merge, on the side branch, the side's own history
        assertThat(lastCommit(web.page(BASE + "/tree/side"), "src")).isEqualTo(repo.appCommit);
    }

    @Test
    void theHistoryWalkStopsAtItsBoundAndSaysWhatItDidNotFind() throws IOException {
        try (Repository repository = new FileRepositoryBuilder().setGitDir(bare.toFile()).build();
                RevWalk walk = new RevWalk(repository)) {
            RevCommit merge = walk.parseCommit(ObjectId.fromString(repo.mergeCommit));
            List<String> names = List.of("README.md", "both.txt", "docs", "notes.txt", "src");
            LastCommits bounded = new LastCommits(2, 4);

            LastCommits.Found found = bounded.of(repository, merge, "", names);

            assertThat(found.complete()).isFalse();
            assertThat(found.byName()).containsOnlyKeys("both.txt", "src");
            assertThat(bounded.of(repository, merge, "", names)).isSameAs(found);
            LastCommits.Found whole = new LastCommits(100, 4).of(repository, merge, "", names);
            assertThat(whole.complete()).isTrue();
            assertThat(whole.byName()).containsOnlyKeys(names);
        }
    }

    @Test
    void splitViewPairsRemovedLinesWithTheAddedLinesThatReplaceThem() {
        Document page = web.page(BASE + "/commit/" + repo.appCommit + "?view=split");
        Element file = page.selectFirst("article.file-diff[data-path=src/app.py]");

        assertThat(file.select("table.diff-lines.unified")).isEmpty();
        assertThat(file.selectFirst(".code-box table.diff-lines.split")).isNotNull();
        List<String> rows = file.select("table.split tbody tr").stream().map(SourceBrowsingContract::row).toList();
        assertThat(rows).containsExactly(
                "hunk",
                "1 one | 1 one",
                "2 two | 2 TWO",
                "3 three | 3 three",
                "4 four | 4 FOUR",
                " | 5 four and a half",
                "5 five | 6 five");
        assertThat(file.select("td.text.old.removed code")).extracting(Element::text).containsExactly("two", "four");
        assertThat(file.select("td.text.new.added code")).extracting(Element::text)
                .containsExactly("TWO", "FOUR", "four and a half");
        assertThat(page.selectFirst("#view-unified").attr("href"))
                .isEqualTo("/" + BASE + "/commit/" + repo.appCommit + "?view=unified");
        assertThat(page.selectFirst("#view-split").attr("aria-current")).isEqualTo("page");
        assertThat(page.select("script[src*=highlight]")).isNotEmpty();
    }

    @Test
    void unifiedViewIsTheDefaultAndAnUnknownViewIsRefused() {
        Document page = web.page(BASE + "/commit/" + repo.appCommit);

        assertThat(page.select("article.file-diff[data-path=src/app.py] table.diff-lines.unified")).hasSize(1);
        assertThat(page.select("table.split")).isEmpty();
        assertThat(page.selectFirst("#view-split").attr("href"))
                .isEqualTo("/" + BASE + "/commit/" + repo.appCommit + "?view=split");
        assertThat(web.get(BASE + "/commit/" + repo.appCommit + "?view=sideways").statusCode()).isEqualTo(400);
        assertThat(web.get(BASE + "/compare/side...main?view=sideways").statusCode()).isEqualTo(400);
    }

    @Test
    void comparePageOffersTheSplitViewToo() {
        Document page = web.page(BASE + "/compare/side...main?view=split");

        assertThat(page.select("article.file-diff[data-path=src/util.py] table.diff-lines.split")).hasSize(1);
        assertThat(page.selectFirst("#view-unified").attr("href")).isEqualTo("/" + BASE + "/compare/side...main?view=unified");
    }

    private static String link(Element readme, String text) {
        return readme.select("a").stream().filter(a -> a.text().equals(text)).findFirst().orElseThrow().attr("href");
    }

    private static String lastCommit(Document page, String name) {
        String href = page.selectFirst("#entries tr[data-name='" + name + "'] td.last-commit a").attr("href");
        return href.substring(href.lastIndexOf('/') + 1);
    }

    private static String row(Element row) {
        if (row.hasClass("hunk")) {
            return "hunk";
        }
        return (row.selectFirst("td.num.old").text() + " " + row.selectFirst("td.text.old").text()).strip() + " | "
                + (row.selectFirst("td.num.new").text() + " " + row.selectFirst("td.text.new").text()).strip();
    }
}
