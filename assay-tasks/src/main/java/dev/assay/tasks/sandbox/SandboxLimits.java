package dev.assay.tasks.sandbox;

import java.time.Duration;
import java.util.Objects;

/**
 * The resource limits of one sandboxed command.
 *
 * @param workspaceBytes how much the whole workspace may hold while the command runs (what earlier commands
 *                       left there included)
 */
public record SandboxLimits(long memoryBytes, int maxProcesses, Duration cpuTime, long maxFileSizeBytes,
                            Duration wallTime, long workspaceBytes) {

    public SandboxLimits {
        Objects.requireNonNull(cpuTime, "cpuTime");
        Objects.requireNonNull(wallTime, "wallTime");
        if (memoryBytes <= 0 || maxProcesses <= 0 || maxFileSizeBytes <= 0 || workspaceBytes <= 0
                || cpuTime.isNegative() || cpuTime.isZero() || wallTime.isNegative() || wallTime.isZero()) {
            throw new IllegalArgumentException("every sandbox limit must be positive: " + this);
        }
    }

    /** Limits fit for installing and testing a typical package. */
    public static SandboxLimits defaults() {
        return new SandboxLimits(2L << 30, 256, Duration.ofMinutes(10), 1L << 30, Duration.ofMinutes(15), 2L << 30);
    }

    public SandboxLimits withWallTime(Duration wall) {
        return new SandboxLimits(memoryBytes, maxProcesses, cpuTime, maxFileSizeBytes, wall, workspaceBytes);
    }

    public SandboxLimits withMemoryBytes(long bytes) {
        return new SandboxLimits(bytes, maxProcesses, cpuTime, maxFileSizeBytes, wallTime, workspaceBytes);
    }

    public SandboxLimits withMaxProcesses(int processes) {
        return new SandboxLimits(memoryBytes, processes, cpuTime, maxFileSizeBytes, wallTime, workspaceBytes);
    }

    public SandboxLimits withMaxFileSizeBytes(long bytes) {
        return new SandboxLimits(memoryBytes, maxProcesses, cpuTime, bytes, wallTime, workspaceBytes);
    }

    public SandboxLimits withWorkspaceBytes(long bytes) {
        return new SandboxLimits(memoryBytes, maxProcesses, cpuTime, maxFileSizeBytes, wallTime, bytes);
    }

    public SandboxLimits withCpuTime(Duration cpu) {
        return new SandboxLimits(memoryBytes, maxProcesses, cpu, maxFileSizeBytes, wallTime, workspaceBytes);
    }
}
