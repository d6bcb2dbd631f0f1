package dev.assay.tasks.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CgroupV1Test {

    private static final String V1_AND_V2 = """
            tmpfs /sys/fs/cgroup tmpfs rw,relatime,mode=755 0 0
            cgroup /sys/fs/cgroup/memory cgroup rw,relatime,memory 0 0
            cgroup /sys/fs/cgroup/pids cgroup rw,relatime,pids 0 0
            cgroup2 /sys/fs/cgroup/unified cgroup2 rw,relatime%s 0 0
            """;

    @TempDir
    Path dir;

    @Test
    void movesAreSlowWithoutFavordynmodsAndTheAdviceNamesTheCgroup2Mount() throws IOException {
        assertThat(cgroups(V1_AND_V2.formatted("")).slowMoves()).hasValueSatisfying(advice -> assertThat(advice)
                .contains("`mount -o remount,favordynmods /sys/fs/cgroup/unified`").contains("10 ms"));
    }

    @Test
    void movesAreFastWhenAnyCgroupHierarchyHasFavordynmods() throws IOException {
        assertThat(cgroups(V1_AND_V2.formatted(",favordynmods")).slowMoves()).isEmpty();
        assertThat(cgroups("cgroup /sys/fs/cgroup/pids cgroup rw,favordynmods,pids 0 0\n").slowMoves()).isEmpty();
    }

    @Test
    void onlyV1HierarchiesAreNamedWhenThereIsNoCgroup2AndNoCgroupsMeansNoAdvice() throws IOException {
        assertThat(cgroups("cgroup /sys/fs/cgroup/memory cgroup rw,memory 0 0\n").slowMoves())
                .hasValueSatisfying(advice -> assertThat(advice).contains("favordynmods /sys/fs/cgroup/memory`"));
        assertThat(cgroups("proc /proc proc rw 0 0\n").slowMoves()).isEmpty();
        assertThat(new CgroupV1(dir, dir.resolve("cgroup"), dir.resolve("absent")).slowMoves()).isEmpty();
    }

    private CgroupV1 cgroups(String mounts) throws IOException {
        Path file = Files.writeString(dir.resolve("mounts"), mounts);
        return new CgroupV1(dir, dir.resolve("cgroup"), file);
    }
}
