package dev.assay.tasks.sandbox;

import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What a sandboxed command did: its exit code or the signal that ended it, the limits it ran into,
 * the tails of its output, and how each limit was enforced.
 *
 * @param exitCode the exit code, or 128 + signal when a signal ended it (as bubblewrap reports it)
 * @param timedOut whether the wall-clock limit killed it
 * @param limitsHit the limits the command is known to have run into (wall time included)
 * @param stdoutBytes how many bytes the command wrote to stdout, of which {@code stdout} is the tail
 * @param leftRunning the command lines of the processes still running in the sandbox when the command
 *                    exited, which were killed then
 */
public record SandboxResult(int exitCode, OptionalInt signal, boolean timedOut, Set<Limit> limitsHit,
                            String stdout, long stdoutBytes, String stderr, long stderrBytes,
                            Duration duration, List<EnforcedLimit> enforcedLimits, List<String> leftRunning) {

    public SandboxResult {
        limitsHit = Set.copyOf(limitsHit);
        enforcedLimits = List.copyOf(enforcedLimits);
        leftRunning = List.copyOf(leftRunning);
    }

    public boolean succeeded() {
        return exitCode == 0 && !timedOut && limitsHit.isEmpty();
    }

    public boolean killedByLimit() {
        return timedOut || !limitsHit.isEmpty();
    }
}
