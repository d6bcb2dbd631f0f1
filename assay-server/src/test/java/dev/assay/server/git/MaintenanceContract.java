package dev.assay.server.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.assay.server.git.maintenance.GitMaintenance;
import dev.assay.server.testing.Eventually;

/**
 * Repositories are repacked in the background after pushes (bitmap, packed refs, change-request refs kept),
 * clones, fetches and pushes go on while a repack runs, and a failed repack never fails a push.
 */
abstract class MaintenanceContract extends GitFixture {

    private static final Pattern OPENED = Pattern.compile("Change request #(\\d+)");

    @Override
    Map<String, Object> serverProperties() {
        return Map.of("assay.git.maintenance.delay", "200ms");
    }

    @Test
    void afterPushesTheRepositoryGetsABitmapAndPackedRefsAndKeepsChangeRequestRefs() throws IOException {
        String project = newProject();
        Path work = cloned(project);
        String url = passwordUrl("olive", project);
        for (int i = 1; i <= 4; i++) {
            git.commit(work, "file.txt", "version " + i + "\n", "Commit " + i);
            git.run(work, "push", "-q", url, "main").succeeded();
        }
        git.commit(work, "proposed.txt", "proposed\n", "Propose a file");
        Matcher opened = OPENED.matcher(git.run(work, "push", url, "HEAD:refs/for/main").succeeded().output());
        assertThat(opened.find()).isTrue();
        String changeRef = "refs/changes/" + opened.group(1) + "/1";
        String proposed = git.head(work, "HEAD");
        String main = git.head(work, "HEAD~1");

        String packedRefs = Eventually.until("a repack after the last push", Duration.ofSeconds(60),
                () -> packedRefs(project), refs -> refs.contains(main + " refs/heads/main")
                        && refs.contains(proposed + " " + changeRef) && hasBitmap(project));

        assertThat(packedRefs).contains(proposed + " " + changeRef);
        assertThat(remoteRef(project, changeRef)).isEqualTo(proposed);
        Path again = cloned(project);
        git.run(again, "fetch", "-q", "origin", changeRef).succeeded();
        assertThat(git.head(again, "FETCH_HEAD")).isEqualTo(proposed);
        assertThat(git.run(again, "rev-list", "--count", "HEAD").succeeded().output().strip()).isEqualTo("4");
        assertThat(git.run(bareRepository(project), "fsck", "--no-dangling").exitCode()).isZero();
    }

    @Test
    void clonesFetchesAndPushesGoOnWhileRepacksRun() throws Exception {
        String project = newProject();
        Path work = cloned(project);
        String url = passwordUrl("olive", project);
        git.commit(work, "file.txt", "first\n", "First");
        git.run(work, "push", "-q", url, "main").succeeded();
        Path reader = cloned(project);
        GitMaintenance maintenance = server.bean(GitMaintenance.class);
        AtomicBoolean done = new AtomicBoolean();
        AtomicInteger repacked = new AtomicInteger();
        CompletableFuture<Void> repacking = CompletableFuture.runAsync(() -> {
            while (!done.get()) {
                repacked.addAndGet(maintenance.repackNow(project) ? 1 : 0);
            }
        });
        try {
            for (int i = 1; i <= 6; i++) {
                String commit = git.commit(work, "file-" + i + ".txt", "content " + i + "\n", "Commit " + i);
                git.run(work, "push", "-q", url, "main").succeeded();
                git.run(reader, "pull", "-q").succeeded();
                assertThat(git.head(reader, "HEAD")).isEqualTo(commit);
                Path clone = cloned(project);
                assertThat(git.head(clone, "HEAD")).isEqualTo(commit);
            }
        } finally {
            done.set(true);
            repacking.get();
        }
        assertThat(repacked.get()).isPositive();
        assertThat(git.run(bareRepository(project), "fsck", "--no-dangling").exitCode()).isZero();
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aFailedRepackIsLoggedAndThePushGoesThrough(CapturedOutput log) throws IOException {
        String project = newProject();
        Path work = cloned(project);
        String url = passwordUrl("olive", project);
        git.commit(work, "file.txt", "first\n", "First");
        git.run(work, "push", "-q", url, "main").succeeded();
        GitMaintenance maintenance = server.bean(GitMaintenance.class);
        // a reflog entry naming an object the repository lacks (as a disk fault leaves it): every repack fails on it,
        // while pushes, which only append to the log, do not read it
        Path reflog = Files.createDirectories(bareRepository(project).resolve("logs/refs/heads")).resolve("main");
        Files.writeString(reflog, ObjectId.zeroId().name() + " 0123456789abcdef0123456789abcdef01234567 "
                + "Olive <olive@example.org> 1600000000 +0000\tlost\n");
        try {
            String commit = git.commit(work, "file.txt", "second\n", "Second");
            git.run(work, "push", "-q", url, "main").succeeded();
            git.run(work, "push", "-q", url, "main:other").succeeded();

            assertThat(maintenance.repackNow(project)).isFalse();
            assertThat(log.getOut()).contains("maintenance of the git repository of " + project + " failed");
            assertThat(remoteRef(project, "refs/heads/main")).isEqualTo(commit);
            assertThat(remoteRef(project, "refs/heads/other")).isEqualTo(commit);
        } finally {
            Files.delete(reflog);
        }
        assertThat(maintenance.repackNow(project)).isTrue();
        assertThat(hasBitmap(project)).isTrue();
    }

    @Test
    void aRepositoryWrittenOutsideAssayGetsItsFirstRepackAfterStartUp() {
        String project = newProject();
        Path work = cloned(project);
        String commit = git.commit(work, "file.txt", "copied in\n", "Written outside Assay");
        // C git writes into the bare repository directly, as a repository copied into DATA/git would be
        git.run(work, "push", "-q", bareRepository(project).toString(), "main").succeeded();
        assertThat(hasBitmap(project)).isFalse();

        server.bean(RepositorySetup.AtStartUp.class).createMissing();

        Eventually.until("the first repack", Duration.ofSeconds(60), () -> hasBitmap(project), Boolean::booleanValue);
        assertThat(remoteRef(project, "refs/heads/main")).isEqualTo(commit);
    }

    private String packedRefs(String project) {
        try {
            Path file = bareRepository(project).resolve("packed-refs");
            return Files.isRegularFile(file) ? Files.readString(file) : "";
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    private boolean hasBitmap(String project) {
        try (Stream<Path> files = Files.list(bareRepository(project).resolve("objects/pack"))) {
            return files.anyMatch(file -> file.getFileName().toString().endsWith(".bitmap"));
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
