package dev.assay.server.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.assay.server.accounts.tokens.TokenScope;
import dev.assay.server.git.push.PushEvents;
import dev.assay.server.index.ProjectService;

/**
 * Pushes that git fsck would refuse (hostile tree entry names, a hostile {@code .gitmodules}) and pushes over
 * the size limits, made with the real git client: each is refused with a reason git prints, and leaves the
 * repository as it was (refs, object store, no temporary files) and no push event.
 */
abstract class PushChecksContract extends GitFixture {

    private static final String REFUSED = "remote unpack failed";

    @Override
    Map<String, Object> serverProperties() {
        return Map.of("assay.git.max-object-size", "1MB", "assay.git.max-push-size", "2MB",
                "assay.git.max-repository-size", "3MB");
    }

    @Test
    void refusesTreeEntriesThatGitFsckRefusesAndKeepsNothing() {
        String project = newProject();
        Path work = cloned(project);
        String url = pushUrl(project);
        String blob = hashObject(work, "blob", "payload\n".getBytes(StandardCharsets.UTF_8));
        List<String> names = List.of("..", ".", ".git", ".GiT", ".GIT", ".git ", ".git.", ".git. . ", "git~1",
                ".g\u200cit", "a/../b", "/etc/passwd", "../outside", "CON", "nul", "aux.txt", "a\\b", "c:evil",
                "evil:stream");

        for (String name : names) {
            String commit = commitOfTree(work, tree(work, entry("100644", name, blob)));
            String output = git.run(work, "push", url, commit + ":refs/heads/main").failed().output();

            assertThat(output).as("entry name '%s'", name).contains(REFUSED, "push refused: an object fails git fsck's checks")
                    .contains("! [remote rejected]");
        }
        String nestedGit = tree(work, entry("40000", ".git", tree(work, entry("100755", "post-checkout", blob))));
        assertThat(git.run(work, "push", url, commitOfTree(work, nestedGit) + ":refs/heads/main").failed().output())
                .contains(REFUSED, "invalid name '.git'");

        assertUnchanged(project);
        git.commit(work, "README.md", "# fine\n", "A normal commit");
        git.run(work, "push", url, "main").succeeded();
        assertThat(remoteHeads(project)).contains("refs/heads/main");
    }

    @Test
    void refusesAHostileGitmodulesAndKeepsNothing() {
        String project = newProject();
        Path work = cloned(project);
        String gitmodules = hashObject(work, "blob", """
                [submodule "x"]
                \tpath = x
                \turl = --upload-pack=touch$IFS/tmp/pwned
                """.getBytes(StandardCharsets.UTF_8));

        String output = git.run(work, "push", pushUrl(project),
                commitOfTree(work, tree(work, entry("100644", ".gitmodules", gitmodules))) + ":refs/heads/main")
                .failed().output();

        assertThat(output).contains(REFUSED, "push refused: an object fails git fsck's checks: gitmodulesUrl: ");
        assertUnchanged(project);
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void refusesAnObjectOverTheLimitWithAReasonNamingTheSetting(CapturedOutput log) throws IOException {
        String project = newProject();
        Path work = cloned(project);
        commitRandomFile(work, "big.bin", 1536 * 1024);

        String output = git.run(work, "push", pushUrl(project), "main").failed().output();

        assertThat(output).contains(REFUSED, "larger than the limit of 1MB for one object",
                "assay.git.max-object-size (ASSAY_GIT_MAX_OBJECT_SIZE)");
        assertUnchanged(project);
        assertThat(log.getOut()).as("the server's log").contains("push to " + bareRepository(project).toAbsolutePath()
                + " refused: Object too large").doesNotContain("Internal error during receive-pack");
        git.run(work, "update-ref", "-d", "refs/heads/main").succeeded();
        git.run(work, "rm", "-q", "--cached", "big.bin").succeeded();
        commitRandomFile(work, "fits.bin", 900 * 1024);
        git.run(work, "push", pushUrl(project), "main").succeeded();
    }

    @Test
    void refusesPushesOverThePushAndRepositoryLimitsButStillDeletes() throws IOException {
        String project = newProject();
        Path work = cloned(project);
        String url = pushUrl(project);
        for (int i = 1; i <= 3; i++) {
            commitRandomFile(work, "part" + i + ".bin", 800 * 1024);
        }

        assertThat(git.run(work, "push", url, "main").failed().output()).contains(REFUSED,
                "larger than the limit of 2MB for one push", "assay.git.max-push-size (ASSAY_GIT_MAX_PUSH_SIZE)");
        assertUnchanged(project);

        for (String revision : List.of("HEAD~2", "HEAD~1", "HEAD")) {
            git.run(work, "push", url, revision + ":refs/heads/main").succeeded();
        }
        git.run(work, "push", url, "main:refs/heads/copy").succeeded();
        commitRandomFile(work, "part4.bin", 800 * 1024);
        List<Path> before = storedFiles(project);
        assertThat(git.run(work, "push", url, "main").failed().output()).contains(REFUSED,
                "repository '" + project + "' would grow past its limit of 3MB",
                "assay.git.max-repository-size (ASSAY_GIT_MAX_REPOSITORY_SIZE)");
        assertThat(storedFiles(project)).containsExactlyElementsOf(before);
        git.run(work, "push", url, ":refs/heads/copy").succeeded();
        assertThat(remoteHeads(project)).contains("refs/heads/main").doesNotContain("refs/heads/copy");
    }

    /** Nothing of the refused pushes stayed: no ref, no object, no temporary file, no push event. */
    private void assertUnchanged(String project) {
        assertThat(remoteHeads(project)).isBlank();
        assertThat(storedFiles(project)).as("files in the object store").isEmpty();
        assertThat(server.bean(PushEvents.class).recent(server.bean(ProjectService.class).project(project), 10))
                .isEmpty();
    }

    /** The files of the repository's object store, and any temporary file of a push anywhere in it. */
    private List<Path> storedFiles(String project) {
        Path repository = bareRepository(project);
        try (Stream<Path> files = Files.walk(repository)) {
            return files.filter(Files::isRegularFile).map(repository::relativize)
                    .filter(file -> file.startsWith("objects") || file.getFileName().toString().startsWith("incoming_"))
                    .sorted().toList();
        } catch (IOException failure) {
            throw new AssertionError(failure);
        }
    }

    private String remoteHeads(String project) {
        return git.run(scratch, "ls-remote", anonymousUrl(project)).succeeded().output().strip();
    }

    private String pushUrl(String project) {
        return tokenUrl(project, token("olive", project, TokenScope.PUSH));
    }

    private void commitRandomFile(Path work, String name, int size) throws IOException {
        byte[] content = new byte[size];
        new Random(name.hashCode() * 31L + size).nextBytes(content);
        Files.write(work.resolve(name), content);
        git.run(work, "add", name).succeeded();
        git.run(work, "commit", "-q", "-m", "Add " + name).succeeded();
    }

    /** Writes an object as given, unchecked, as an attacker's client can; returns its id. */
    private String hashObject(Path work, String type, byte[] content) {
        try {
            Path file = Files.createTempFile(scratch, "object", ".raw");
            Files.write(file, content);
            return git.run(work, "hash-object", "-t", type, "-w", "--literally", file.toString()).succeeded()
                    .output().strip();
        } catch (IOException failure) {
            throw new AssertionError(failure);
        }
    }

    /** One raw tree entry: mode, name (any bytes git's own commands would refuse) and object id. */
    private static byte[] entry(String mode, String name, String id) {
        ByteArrayOutputStream entry = new ByteArrayOutputStream();
        entry.writeBytes((mode + " " + name).getBytes(StandardCharsets.UTF_8));
        entry.write(0);
        entry.writeBytes(HexFormat.of().parseHex(id));
        return entry.toByteArray();
    }

    private String tree(Path work, byte[]... entries) {
        ByteArrayOutputStream tree = new ByteArrayOutputStream();
        for (byte[] entry : entries) {
            tree.writeBytes(entry);
        }
        return hashObject(work, "tree", tree.toByteArray());
    }

    private String commitOfTree(Path work, String tree) {
        return git.run(work, "commit-tree", tree, "-m", "Crafted tree").succeeded().output().strip();
    }
}
