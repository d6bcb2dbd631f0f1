package dev.assay.server.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.assay.server.accounts.Caller;
import dev.assay.server.accounts.User;
import dev.assay.server.config.AssayProperties;
import dev.assay.server.error.ConflictException;
import dev.assay.server.error.InvalidInputException;
import dev.assay.server.git.ServerCommits.FileChange;
import dev.assay.server.index.Project;
import dev.assay.server.index.Visibility;

/** Commits made on the server without a work tree, read back with the real git client. */
class ServerCommitsTest {

    private static final Project PROJECT = new Project(1, "demo", "demo", "", Instant.EPOCH, 0, Visibility.PUBLIC,
            false);
    private static final Caller OLIVE = new Caller(new User(7, "olive", "olive@example.org", "", Instant.EPOCH,
            Set.of()), Optional.empty());

    @TempDir
    Path data;
    private GitCommand git;
    private ServerCommits commits;
    private Path bare;
    private ObjectId parent;

    @BeforeEach
    void repositoryWithOneCommit() throws Exception {
        GitRepositories repositories = new GitRepositories(new AssayProperties(data, false, null));
        commits = new ServerCommits(repositories, Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC));
        repositories.create("demo");
        bare = repositories.directory("demo");
        git = new GitCommand(Files.createDirectories(data.resolve("home")));
        Path work = Files.createDirectories(data.resolve("work"));
        git.run(work, "init", "-q").succeeded();
        git.commit(work, "README.md", "hello\n", "first");
        git.commit(work, "src/calc.py", "X = 1\r\nY = 2\r\n", "code");
        git.run(work, "push", "-q", bare.toString(), "HEAD:refs/heads/main").succeeded();
        parent = ObjectId.fromString(git.head(work, "HEAD"));
    }

    @Test
    void editsAFileOnTheParentWithTheCallerAsAuthorAndCommitter() {
        ObjectId made = commits.commit(PROJECT, OLIVE, parent,
                List.of(FileChange.modify("src/calc.py", bytes("X = 3\r\nY = 2\r\n"))), "Fix X\n\nIt was wrong.");

        assertThat(show(made, "src/calc.py")).isEqualTo("X = 3\r\nY = 2\r\n");
        assertThat(gitOutput("log", "-1", "--format=%an <%ae>|%cn <%ce>|%P|%s|%b", made.name()))
                .isEqualTo("olive <olive@example.org>|olive <olive@example.org>|" + parent.name() + "|Fix X|It was wrong.");
        assertThat(show(made, "README.md")).isEqualTo("hello\n");
    }

    @Test
    void addsFilesInNewNestedDirectoriesAndDeletesOthers() {
        ObjectId made = commits.commit(PROJECT, OLIVE, parent, List.of(
                FileChange.add("docs/guide/intro.md", bytes("# Intro\n")),
                FileChange.delete("README.md")), "Move the docs");

        assertThat(show(made, "docs/guide/intro.md")).isEqualTo("# Intro\n");
        assertThat(gitOutput("ls-tree", "-r", "--name-only", made.name()))
                .isEqualTo("docs/guide/intro.md\nsrc/calc.py");
        assertThat(gitOutput("fsck", "--strict")).doesNotContain("error");
    }

    @Test
    void deletingTheLastFileOfADirectoryRemovesTheDirectory() {
        ObjectId made = commits.commit(PROJECT, OLIVE, parent, List.of(FileChange.delete("src/calc.py")), "Drop");

        assertThat(gitOutput("ls-tree", "-r", "--name-only", made.name())).isEqualTo("README.md");
    }

    @Test
    void refusesAChangeThatChangesNothing() {
        assertThatThrownBy(() -> commits.commit(PROJECT, OLIVE, parent,
                List.of(FileChange.modify("README.md", bytes("hello\n"))), "Nothing"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Nothing changed");
    }

    @Test
    void refusesUnsafeOrMalformedPaths() {
        for (String path : List.of("../x", "a/../b", "/etc/passwd", ".git/config", "src/.GIT/x", "a//b", "a/",
                "", "a\\b", "./a", "x".repeat(300), "a\nb")) {
            assertThatThrownBy(() -> commits.commit(PROJECT, OLIVE, parent,
                    List.of(FileChange.add(path, bytes("x"))), "Bad")).as(path)
                    .isInstanceOf(InvalidInputException.class);
        }
    }

    @Test
    void refusesEditingADirectoryAddingAnExistingFileOrAFileUnderAFile() {
        assertThatThrownBy(() -> commits.commit(PROJECT, OLIVE, parent,
                List.of(FileChange.modify("src", bytes("x"))), "Dir"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("'src' is a directory");
        assertThatThrownBy(() -> commits.commit(PROJECT, OLIVE, parent,
                List.of(FileChange.add("README.md", bytes("x"))), "Exists"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("already exists");
        assertThatThrownBy(() -> commits.commit(PROJECT, OLIVE, parent,
                List.of(FileChange.add("README.md/inside", bytes("x"))), "Under"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("'README.md' is a file");
        assertThatThrownBy(() -> commits.commit(PROJECT, OLIVE, parent,
                List.of(FileChange.delete("missing.txt")), "Gone"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("no file 'missing.txt'");
    }

    private String show(ObjectId commit, String path) {
        return git.run(data, "--git-dir=" + bare, "show", commit.name() + ":" + path).succeeded().output();
    }

    private String gitOutput(String... arguments) {
        String[] all = new String[arguments.length + 1];
        all[0] = "--git-dir=" + bare;
        System.arraycopy(arguments, 0, all, 1, arguments.length);
        return git.run(data, all).succeeded().output().strip();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
