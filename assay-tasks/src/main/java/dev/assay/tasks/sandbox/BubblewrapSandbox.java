package dev.assay.tasks.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The bubblewrap sandbox: fresh namespaces (no network but loopback), a read-only system, only the
 * workspace writable, an unprivileged uid, cgroup v1 limits and rlimits.
 */
public final class BubblewrapSandbox implements Sandbox {

    private static final System.Logger LOG = System.getLogger(BubblewrapSandbox.class.getName());
    private static final int SIGXCPU = 24;
    private static final int SIGXFSZ = 25;
    private static final Integer NOBODY = BwrapArguments.NOBODY;

    private final SandboxTools tools;
    private final CgroupV1 cgroups;
    private final BwrapArguments arguments;

    BubblewrapSandbox(SandboxTools tools, CgroupV1 cgroups) {
        this.tools = tools;
        this.cgroups = cgroups;
        this.arguments = new BwrapArguments(tools);
    }

    @Override
    public SandboxResult run(SandboxCommand command) throws IOException, InterruptedException {
        List<String> notes = new ArrayList<>();
        Optional<CgroupJob> job = cgroups.create("assay-sandbox-" + UUID.randomUUID(), command.limits(), notes);
        notes.forEach(note -> LOG.log(System.Logger.Level.DEBUG, note));
        try {
            prepareWorkspace(command.workspace());
            List<EnforcedLimit> cgroupLimits = job.map(CgroupJob::enforced).orElse(List.of());
            boolean memoryInCgroup = cgroupLimits.stream().anyMatch(l -> l.limit() == Limit.MEMORY);
            List<String> argv = arguments.build(command, memoryInCgroup);
            ProcessRunner.Outcome outcome = ProcessRunner.run(argv,
                    BwrapArguments.hostEnvironment(command.environment()), command.stdin(),
                    command.limits().wallTime(), process -> {
                        // Killing bwrap takes its pid namespace down (--die-with-parent); the cgroup
                        // sweep catches anything that was mid-fork when that happened.
                        ProcessRunner.killDescendants(process);
                        job.ifPresent(CgroupJob::killAll);
                    }, new WorkspaceWatch(command.workspace(), command.limits().workspaceBytes()),
                    job.<ProcessRunner.Starter>map(inJob -> inJob::start).orElse(ProcessRunner.Starter.DIRECT));
            return result(outcome, job, enforced(cgroupLimits, memoryInCgroup, job.isPresent()));
        } finally {
            job.ifPresent(CgroupJob::close);
        }
    }

    @Override
    public List<String> supervised(List<String> argv) {
        return Supervisor.supervised(argv);
    }

    @Override
    public String workspaceInside(Path workspace) {
        return BwrapArguments.WORKSPACE;
    }

    @Override
    public String description() {
        List<String> notes = new ArrayList<>();
        String limits = cgroups.usable(notes)
                ? "cgroup v1 memory+pids, rlimits" + cgroups.slowMoves().map(slow -> " (" + slow + ")").orElse("")
                : "rlimits only";
        return "bubblewrap (" + tools.bwrap() + "), uid " + BwrapArguments.NOBODY
                + (tools.dropToNobody() ? " on the host and inside" : " inside a user namespace")
                + ", no network, " + limits;
    }

    private void prepareWorkspace(Path workspace) throws IOException {
        if (!Files.isDirectory(workspace)) {
            throw new IOException("workspace is not a directory: " + workspace);
        }
        if (!tools.dropToNobody()) {
            return;
        }
        // The sandbox runs as nobody on the host, so the workspace must be nobody's to write. Most of it already
        // is (what earlier commands wrote): a look costs less than a chown, which dirties the inode every time.
        try (Stream<Path> paths = Files.walk(workspace)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Map<String, Object> owner = Files.readAttributes(path, "unix:uid,gid", LinkOption.NOFOLLOW_LINKS);
                if (!NOBODY.equals(owner.get("uid"))) {
                    Files.setAttribute(path, "unix:uid", NOBODY, LinkOption.NOFOLLOW_LINKS);
                }
                if (!NOBODY.equals(owner.get("gid"))) {
                    Files.setAttribute(path, "unix:gid", NOBODY, LinkOption.NOFOLLOW_LINKS);
                }
            }
        }
    }

    private static List<EnforcedLimit> enforced(List<EnforcedLimit> cgroupLimits, boolean memoryInCgroup,
                                                boolean inCgroup) {
        List<EnforcedLimit> enforced = new ArrayList<>(cgroupLimits);
        if (!memoryInCgroup) {
            enforced.add(new EnforcedLimit(Limit.MEMORY, "rlimit RLIMIT_AS per process (no memory cgroup)"));
        }
        enforced.add(new EnforcedLimit(Limit.PROCESSES, "rlimit RLIMIT_NPROC"));
        enforced.add(new EnforcedLimit(Limit.CPU_TIME, "rlimit RLIMIT_CPU per process"));
        enforced.add(new EnforcedLimit(Limit.FILE_SIZE, "rlimit RLIMIT_FSIZE"));
        enforced.add(new EnforcedLimit(Limit.WALL_TIME, "timer; process tree killed through the pid namespace"
                + (inCgroup ? " and the job's cgroup" : "")));
        enforced.add(new EnforcedLimit(Limit.WORKSPACE_SIZE, "the workspace's size checked while it runs and at"
                + " its end, killed when over; a size-limited tmpfs for /tmp and /var/tmp"));
        return enforced;
    }

    private static SandboxResult result(ProcessRunner.Outcome outcome, Optional<CgroupJob> job,
                                        List<EnforcedLimit> enforced) {
        int exit = outcome.exitCode();
        OptionalInt signal = exit > 128 && exit < 128 + 65 ? OptionalInt.of(exit - 128) : OptionalInt.empty();
        Set<Limit> hit = EnumSet.noneOf(Limit.class);
        if (outcome.timedOut()) {
            hit.add(Limit.WALL_TIME);
        }
        if (outcome.guardTripped()) {
            hit.add(Limit.WORKSPACE_SIZE);
        }
        if (job.map(CgroupJob::memoryLimitHit).orElse(false)) {
            hit.add(Limit.MEMORY);
        }
        if (job.map(CgroupJob::processLimitHit).orElse(false)) {
            hit.add(Limit.PROCESSES);
        }
        if (signal.isPresent() && signal.getAsInt() == SIGXCPU) {
            hit.add(Limit.CPU_TIME);
        }
        if (signal.isPresent() && signal.getAsInt() == SIGXFSZ) {
            hit.add(Limit.FILE_SIZE);
        }
        Supervisor.Split stdout = Supervisor.split(outcome.stdout().text());
        Supervisor.Split stderr = Supervisor.split(outcome.stderr().text());
        List<String> leftRunning = new ArrayList<>(stdout.leftRunning());
        leftRunning.addAll(stderr.leftRunning());
        return new SandboxResult(exit, signal, outcome.timedOut(), hit, stdout.output(), outcome.stdout().total(),
                stderr.output(), outcome.stderr().total(), outcome.duration(), enforced, leftRunning);
    }
}
