package dev.assay.server.git.browse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A repository built with the real git client and pushed to the bare repository on disk, holding what the
 * source pages must show safely: hostile HTML, a name with spaces, a binary and a 2 MB file, a rename, a tag,
 * a branch with a slash in its name, enough commits for two log pages and a diff too long to show whole.
 */
final class SourceFixture {

    static final String HOSTILE = "<script>alert(1)</script>";
    static final String HOSTILE_FILE = "web/hostile.html";
    static final String SPACED_FILE = "docs/my notes.txt";
    static final String BRANCH = "feature/login-form";
    static final String TAG = "v1.0";
    static final int STEPS = 55;
    static final int LARGE_SIZE = 2_000_000;
    static final int LONG_FILE_LINES = 2_500;

    /** Enough unchanged lines that git and JGit both see the edited, moved file as a rename. */
    private static final String PADDING = "# an unchanged comment line to keep the file similar\n".repeat(20);

    final GitCommandLine git;
    final Path work;
    String initial;
    String hostileCommit;
    String renameCommit;
    String featureCommit;
    String longCommit;

    private SourceFixture(GitCommandLine git, Path work) {
        this.git = git;
        this.work = work;
    }

    /** Builds the history in a work tree under {@code scratch} and pushes it to {@code bare}. */
    static SourceFixture build(Path bare, Path scratch) throws IOException {
        GitCommandLine git = new GitCommandLine(Files.createDirectories(scratch.resolve("home")));
        SourceFixture fixture = new SourceFixture(git, Files.createDirectories(scratch.resolve("work")));
        fixture.commits();
        git.publish(fixture.work, bare);
        return fixture;
    }

    private void commits() throws IOException {
        git.run(work, "init", "--initial-branch=main");
        write("README.md", "# Demo\n\nA project.\n");
        write("src/hello.py", "def hello():\n    return 'hello'\n\n\nprint(hello())\n" + PADDING);
        write(SPACED_FILE, "notes with spaces\n");
        initial = commit("Initial import");

        write(HOSTILE_FILE, HOSTILE + "\n<b onmouseover=\"window.pwned=1\">bold</b>\n"
                + "<script>window.pwned=1</script>\n");
        byte[] binary = new byte[300];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) i;
        }
        Files.createDirectories(work.resolve("assets"));
        Files.write(work.resolve("assets/logo.bin"), binary);
        write("data/big.txt", "x".repeat(99) + "\n", LARGE_SIZE / 100);
        hostileCommit = commit("Add a page with " + HOSTILE + " & friends");
        git.run(work, "tag", "-a", TAG, "-m", "Release 1.0");

        git.run(work, "mv", "src/hello.py", "src/greeting.py");
        write("src/greeting.py", "def hello():\n    return 'hello, world'\n\n\nprint(hello())\n" + PADDING);
        write("README.md", "# Demo\n\nA project with greetings.\n");
        renameCommit = commit("Rename hello to greeting");

        for (int step = 1; step <= STEPS; step++) {
            git.run(work, "commit", "--allow-empty", "-q", "-m", "Step " + step);
        }

        git.run(work, "checkout", "-q", "-b", BRANCH);
        write("src/login.py", "def login(user):\n    return user\n");
        featureCommit = commit("Add the login form");
        git.run(work, "checkout", "-q", "main");

        git.run(work, "checkout", "-q", "-b", "generated");
        StringBuilder table = new StringBuilder();
        for (int row = 1; row <= LONG_FILE_LINES; row++) {
            table.append(row).append(",value ").append(row).append('\n');
        }
        write("data/table.csv", table.toString());
        longCommit = commit("Generate a long table");
        // a tag that shares its name with a branch but points elsewhere
        git.run(work, "tag", "generated", initial);
        git.run(work, "checkout", "-q", "main");
    }

    private void write(String path, String content) throws IOException {
        write(path, content, 1);
    }

    private void write(String path, String content, int times) throws IOException {
        Path file = work.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content.repeat(times), StandardCharsets.UTF_8);
    }

    private String commit(String message) {
        git.run(work, "add", "-A");
        git.run(work, "commit", "-q", "-m", message);
        return git.run(work, "rev-parse", "HEAD").trim();
    }
}
