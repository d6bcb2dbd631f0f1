package dev.assay.server.review.change.gate;

/** One condition of a merge gate ({@code approvals}, {@code pipeline-green}, …): met or not, and why. */
public record GateCondition(String name, boolean met, String detail) {
}
