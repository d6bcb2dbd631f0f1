package dev.assay.tasks.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Creates per-job cgroups in the cgroup v1 hierarchies (memory, pids, freezer) as children of the
 * worker's own cgroup, so a job stays inside whatever the worker itself is accounted to.
 */
final class CgroupV1 {

    private static final List<String> CONTROLLERS = List.of("memory", "pids", "freezer");

    private final Path root;
    private final Path selfCgroup;
    private final Path mounts;

    CgroupV1(Path root, Path selfCgroup, Path mounts) {
        this.root = root;
        this.selfCgroup = selfCgroup;
        this.mounts = mounts;
    }

    static CgroupV1 system() {
        return new CgroupV1(Path.of("/sys/fs/cgroup"), Path.of("/proc/self/cgroup"), Path.of("/proc/self/mounts"));
    }

    /**
     * Creates the job's cgroups with the memory and process limits, or explains in {@code notes}
     * why a controller is not used; empty when none could be created.
     */
    Optional<CgroupJob> create(String name, SandboxLimits limits, List<String> notes) {
        Map<String, Path> parents = ownCgroups(notes);
        Map<String, Path> created = new LinkedHashMap<>();
        for (String controller : CONTROLLERS) {
            Path parent = parents.get(controller);
            if (parent == null) {
                continue;
            }
            Path dir = parent.resolve(name);
            try {
                Files.createDirectory(dir);
                created.put(controller, dir);
            } catch (IOException | UnsupportedOperationException e) {
                notes.add("cgroup v1 " + controller + " not writable at " + parent + ": " + e.getMessage());
            }
        }
        if (created.isEmpty()) {
            return Optional.empty();
        }
        CgroupJob job = new CgroupJob(created);
        job.applyLimits(limits, notes);
        return Optional.of(job);
    }

    /** Whether this machine has a cgroup v1 hierarchy the worker can create children in. */
    boolean usable(List<String> notes) {
        return !ownCgroups(notes).isEmpty();
    }

    /**
     * Empty when moving a thread into a job's cgroups is fast; else what makes it so. A move takes the kernel's
     * lock on every process's threads for writing, which waits for an RCU grace period (10 ms a command, the p50 of
     * the development machine) unless a cgroup hierarchy is mounted with {@code favordynmods} (Linux 6.0 and
     * later; it holds for the whole machine, and makes forks and exits a little dearer instead).
     */
    Optional<String> slowMoves() {
        List<String> lines;
        try {
            lines = Files.readAllLines(mounts);
        } catch (IOException unreadable) {
            return Optional.empty();
        }
        List<String[]> cgroupMounts = lines.stream().map(line -> line.split(" "))
                .filter(fields -> fields.length >= 4 && fields[2].startsWith("cgroup")).toList();
        if (cgroupMounts.isEmpty() || cgroupMounts.stream()
                .anyMatch(fields -> List.of(fields[3].split(",")).contains("favordynmods"))) {
            return Optional.empty();
        }
        String mount = cgroupMounts.stream().filter(fields -> fields[2].equals("cgroup2")).findFirst()
                .orElse(cgroupMounts.get(0))[1];
        return Optional.of("each command's move into its cgroups waits for the kernel (about 10 ms); "
                + "`mount -o remount,favordynmods " + mount + "` (Linux 6.0 and later) makes it fast");
    }

    private Map<String, Path> ownCgroups(List<String> notes) {
        Map<String, Path> parents = new LinkedHashMap<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(selfCgroup);
        } catch (IOException e) {
            notes.add("cannot read " + selfCgroup + ": " + e.getMessage());
            return parents;
        }
        for (String line : lines) {
            // "4:memory:/some/path" — hierarchy id, comma-separated controllers, path.
            String[] parts = line.split(":", 3);
            if (parts.length < 3) {
                continue;
            }
            for (String controller : parts[1].split(",")) {
                Path mount = root.resolve(controller);
                if (CONTROLLERS.contains(controller) && Files.exists(mount.resolve("cgroup.procs"))) {
                    parents.put(controller, mount.resolve(parts[2].substring(1)));
                }
            }
        }
        List<String> missing = new ArrayList<>(CONTROLLERS);
        missing.removeAll(parents.keySet());
        if (!missing.isEmpty()) {
            notes.add("no cgroup v1 hierarchy for " + String.join(", ", missing));
        }
        return parents;
    }
}
