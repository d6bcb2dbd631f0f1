package dev.assay.server.index.manage;

import java.util.List;

import dev.assay.server.index.Project;
import dev.assay.server.index.ProjectRepository.Member;

/** Everything the management page shows, and whether the caller may manage roles as well as releases. */
record ManageOverview(Project project, List<ManagedRelease> releases, List<Member> members, boolean mayManageRoles) {
}
