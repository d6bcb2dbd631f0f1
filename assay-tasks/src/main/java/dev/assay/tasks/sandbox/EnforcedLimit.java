package dev.assay.tasks.sandbox;

/** How one limit was actually enforced for a run, e.g. (MEMORY, "cgroup v1 memory.limit_in_bytes"). */
public record EnforcedLimit(Limit limit, String mechanism) {
}
