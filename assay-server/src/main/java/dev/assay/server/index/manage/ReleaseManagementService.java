package dev.assay.server.index.manage;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.assay.packaging.version.Version;
import dev.assay.server.accounts.Caller;
import dev.assay.server.error.InvalidInputException;
import dev.assay.server.error.NotFoundException;
import dev.assay.server.index.DistributionFile;
import dev.assay.server.index.FileRepository;
import dev.assay.server.index.Project;
import dev.assay.server.index.ProjectRepository;
import dev.assay.server.index.ProjectService;
import dev.assay.server.index.Release;
import dev.assay.server.index.ReleaseRepository;
import dev.assay.server.index.search.SearchIndex;

/**
 * The rules for changing published releases: yanking (PEP 592: the files stay installable by an exact pin)
 * and deleting files or whole releases. A deleted file's name is never accepted again.
 */
@Service
class ReleaseManagementService {

    /** The longest yank reason kept (the column's size). */
    static final int MAX_REASON_LENGTH = 1000;

    private final ProjectAccess access;
    private final ProjectService projectService;
    private final ProjectRepository projects;
    private final ReleaseRepository releases;
    private final FileRepository files;
    private final FileRemoval removal;
    private final SearchIndex search;

    ReleaseManagementService(ProjectAccess access, ProjectService projectService, ProjectRepository projects,
            ReleaseRepository releases, FileRepository files, FileRemoval removal, SearchIndex search) {
        this.search = search;
        this.access = access;
        this.projectService = projectService;
        this.projects = projects;
        this.releases = releases;
        this.files = files;
        this.removal = removal;
    }

    /** Yanks a release, or changes the reason of a yanked one; a blank reason is stored as none. */
    @Transactional
    ReleaseState yank(Caller caller, String projectName, String version, String reason) {
        String cleanReason = reason == null || reason.isBlank() ? null : reason.strip();
        if (cleanReason != null && cleanReason.length() > MAX_REASON_LENGTH) {
            throw new InvalidInputException("The yank reason is " + cleanReason.length() + " characters long; "
                    + "keep it to " + MAX_REASON_LENGTH);
        }
        return setYanked(caller, projectName, version, true, cleanReason);
    }

    /** Makes a yanked release installable by range again. */
    @Transactional
    ReleaseState unyank(Caller caller, String projectName, String version) {
        return setYanked(caller, projectName, version, false, null);
    }

    private ReleaseState setYanked(Caller caller, String projectName, String version, boolean yanked, String reason) {
        Project project = access.lockFor(caller, projectName, ManageAction.YANK);
        Release release = release(project, version);
        boolean unchanged = release.yanked() == yanked && Objects.equals(release.yankedReason().orElse(null), reason);
        if (!unchanged) {
            releases.setYanked(release.id(), yanked, reason);
            projects.touch(project.id(), null);
            search.refresh(project.id());
        }
        return new ReleaseState(project.name(), release.version(), yanked, reason);
    }

    /** Deletes one distribution file; returns it. */
    @Transactional
    DistributionFile deleteFile(Caller caller, String projectName, String filename) {
        Project project = access.lockFor(caller, projectName, ManageAction.DELETE);
        List<Long> releaseIds = releases.list(project.id()).stream().map(Release::id).toList();
        DistributionFile file = files.findByFilename(filename)
                .filter(found -> releaseIds.contains(found.releaseId()))
                .orElseThrow(() -> new NotFoundException("project '" + project.name() + "' has no file named '"
                        + filename + "'"));
        files.delete(file.id());
        projects.touch(project.id(), null);
        removal.afterCommit(project.normalizedName(), List.of(file.filename()));
        return file;
    }

    /** Deletes a release with its files and dependency rows; returns the names of the files deleted. */
    @Transactional
    List<String> deleteRelease(Caller caller, String projectName, String version) {
        Project project = access.lockFor(caller, projectName, ManageAction.DELETE);
        Release release = release(project, version);
        List<String> filenames = files.listForRelease(release.id()).stream().map(DistributionFile::filename).toList();
        // the files' and dependencies' rows go with the release (ON DELETE CASCADE); used_file_names stays
        releases.delete(release.id());
        projects.touch(project.id(), null);
        search.refresh(project.id());
        removal.afterCommit(project.normalizedName(), filenames);
        return filenames;
    }

    /** What the management page shows; only owners, maintainers and administrators may see it. */
    @Transactional(readOnly = true)
    ManageOverview overview(Caller caller, String projectName) {
        Project project = access.findFor(caller, projectName, ManageAction.VIEW);
        Map<Long, List<DistributionFile>> filesByRelease = files.listForProject(project.id()).stream()
                .collect(Collectors.groupingBy(DistributionFile::releaseId));
        List<ManagedRelease> managed = projectService.releasesNewestFirst(project).stream()
                .map(release -> new ManagedRelease(release, filesByRelease.getOrDefault(release.id(), List.of())))
                .toList();
        return new ManageOverview(project, managed, projectService.members(project),
                access.allows(caller, project, ManageAction.MANAGE_ROLES));
    }

    private Release release(Project project, String version) {
        Optional<Version> wanted = Version.tryParse(version);
        return wanted.flatMap(parsed -> releases.find(project.id(), parsed.toString())
                        .or(() -> releases.list(project.id()).stream()
                                .filter(each -> Version.tryParse(each.version()).filter(parsed::equals).isPresent())
                                .findFirst()))
                .orElseThrow(() -> new NotFoundException("project '" + project.name() + "' has no release '"
                        + version + "'"));
    }
}
