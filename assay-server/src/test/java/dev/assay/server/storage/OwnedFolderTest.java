package dev.assay.server.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OwnedFolderTest {

    @TempDir
    Path root;

    @Test
    void aFolderLeftByAnEndedProcessIsClearedButALiveOneIsKept() throws Exception {
        Path dead = Files.createDirectories(root.resolve("dead"));
        Files.writeString(dead.resolve("upload.part"), "left behind");
        try (OwnedFolder live = OwnedFolder.claim(root); OwnedFolder next = OwnedFolder.claim(root)) {
            assertThat(dead).doesNotExist();
            assertThat(live.path()).isDirectory();
            assertThat(next.path()).isDirectory();
        }
    }

    @Test
    void serversClaimingTogetherNeverSweepEachOthersNewFolder() throws Exception {
        int servers = 8;
        ExecutorService threads = Executors.newFixedThreadPool(servers);
        try {
            for (int round = 0; round < 25; round++) {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<OwnedFolder>> claims = new ArrayList<>();
                for (int i = 0; i < servers; i++) {
                    Callable<OwnedFolder> claim = () -> {
                        start.await();
                        return OwnedFolder.claim(root);
                    };
                    claims.add(threads.submit(claim));
                }
                start.countDown();
                List<OwnedFolder> claimed = new ArrayList<>();
                for (Future<OwnedFolder> claim : claims) {
                    claimed.add(claim.get());
                }
                for (OwnedFolder folder : claimed) {
                    assertThat(folder.path()).isDirectory();
                    Files.writeString(folder.path().resolve("upload.part"), "in use");
                }
                for (OwnedFolder folder : claimed) {
                    folder.close();
                }
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
