package dev.assay.server.git.browse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A small history for the tree listing and the diff views, built with the real git client: a hostile Markdown
 * README at the root, a reStructuredText one in {@code docs/}, commits a minute apart touching different files, a
 * side branch merged back, and a merge that changes a file itself.
 */
final class BrowsingFixture {

    static final String HOSTILE_README = """
            # Hello readers

            <script>window.pwned = 1</script>

            [click me](javascript:alert(1)) and [the docs](docs/README.rst) and [home](https://example.org/)

            ![logo](img/logo.png) <img src="x" onerror="window.pwned = 1">

            <a href="#" onclick="window.pwned = 1">handler</a> [top](#hello-readers)
            """;
    static final String RST_README = """
            Documentation
            =============

            .. raw:: html

               <script>window.pwned = 1</script>

            *Read* this.
            """;
    static final String APP_BEFORE = "one\ntwo\nthree\nfour\nfive\n";
    static final String APP_AFTER = "one\nTWO\nthree\nFOUR\nfour and a half\nfive\n";

    private final GitCommandLine git;
    private final Path work;
    private long minutes;
    String docsCommit;
    String appCommit;
    String sideCommit;
    String utilCommit;
    String mergeCommit;

    private BrowsingFixture(GitCommandLine git, Path work) {
        this.git = git;
        this.work = work;
    }

    /** Builds the history in a work tree under {@code scratch} and pushes it to {@code bare}. */
    static BrowsingFixture build(Path bare, Path scratch) throws IOException {
        GitCommandLine git = new GitCommandLine(Files.createDirectories(scratch.resolve("home")));
        BrowsingFixture fixture = new BrowsingFixture(git, Files.createDirectories(scratch.resolve("work")));
        fixture.commits();
        git.publish(fixture.work, bare);
        return fixture;
    }

    private void commits() throws IOException {
        git.run(work, "init", "--initial-branch=main");
        write("README.md", HOSTILE_README);
        write("docs/README.rst", RST_README);
        write("docs/guide.txt", "a guide\n");
        write("src/app.py", APP_BEFORE);
        write("src/util.py", "def util():\n    pass\n");
        write("notes.txt", "notes\n");
        write("both.txt", "base\n");
        docsCommit = commit("Add the docs");

        write("src/app.py", APP_AFTER);
        appCommit = commit("Change the app");

        git.run(work, "checkout", "-q", "-b", "side");
        write("notes.txt", "notes from the side\n");
        sideCommit = commit("Change the notes on a side branch");
        git.run(work, "checkout", "-q", "main");

        write("src/util.py", "def util():\n    return 1\n");
        utilCommit = commit("Change util");

        git.run(dated(), work, "merge", "--no-ff", "--no-commit", "side");
        write("both.txt", "changed by the merge\n");
        mergeCommit = commit("Merge the side branch");
    }

    private Map<String, String> dated() {
        String date = "@" + (1_700_000_000L + 60 * minutes++) + " +0000";
        return Map.of("GIT_AUTHOR_DATE", date, "GIT_COMMITTER_DATE", date);
    }

    private void write(String path, String content) throws IOException {
        Path file = work.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    private String commit(String message) {
        git.run(work, "add", "-A");
        git.run(dated(), work, "commit", "-q", "-m", message);
        return git.run(work, "rev-parse", "HEAD").trim();
    }
}
