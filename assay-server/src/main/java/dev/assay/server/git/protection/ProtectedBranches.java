package dev.assay.server.git.protection;

import java.util.List;

/**
 * A project's protected branches (no force-push, no deletion) and, among them, those that take changes only
 * through change requests: the body of {@code /api/v1/projects/P/protected-branches}, sent and answered.
 */
public record ProtectedBranches(List<String> branches, List<String> changesOnly) {
}
