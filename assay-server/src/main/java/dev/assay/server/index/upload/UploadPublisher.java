package dev.assay.server.index.upload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.assay.packaging.metadata.CoreMetadata;
import dev.assay.packaging.name.ProjectName;
import dev.assay.packaging.requirement.Requirement;
import dev.assay.server.accounts.Caller;
import dev.assay.server.config.UploadLimits;
import dev.assay.server.crypto.Sha256;
import dev.assay.server.error.InvalidInputException;
import dev.assay.server.index.DistributionStore;
import dev.assay.server.index.FileRepository;
import dev.assay.server.index.FileUploaded;
import dev.assay.server.index.Project;
import dev.assay.server.index.ProjectRepository;
import dev.assay.server.index.ProjectService;
import dev.assay.server.index.Release;
import dev.assay.server.index.ReleaseRepository;
import dev.assay.server.pipeline.sourcecommit.SourceCommitService;

/**
 * Makes a checked upload visible in one transaction: rows and files together. The files are moved into
 * place before the commit and removed again if the transaction rolls back, so a failed upload leaves
 * neither a row nor a file.
 */
@Component
class UploadPublisher {

    private final ProjectService projectService;
    private final ProjectRepository projects;
    private final ReleaseRepository releases;
    private final FileRepository files;
    private final DistributionStore store;
    private final UploadLimits limits;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final SourceCommitService sourceCommits;

    UploadPublisher(ProjectService projectService, ProjectRepository projects, ReleaseRepository releases,
            FileRepository files, DistributionStore store, UploadLimits limits, Clock clock,
            ApplicationEventPublisher events, SourceCommitService sourceCommits) {
        this.projectService = projectService;
        this.projects = projects;
        this.releases = releases;
        this.files = files;
        this.store = store;
        this.limits = limits;
        this.clock = clock;
        this.events = events;
        this.sourceCommits = sourceCommits;
    }

    boolean fileNameUsed(String filename) {
        return files.fileNameUsed(filename);
    }

    @Transactional
    void publish(Caller caller, UploadForm form, String filename, ReceivedFile received, InspectedDistribution inspected)
            throws IOException {
        // the name as the metadata declares it, not as the file name escapes it (demo_x-1.0… is project demo-x)
        Project project = projectService.lockOrCreateForUpload(caller, ProjectName.of(inspected.metadata().name()));
        if (files.fileNameUsed(filename)) {
            throw new InvalidInputException("File already exists: '" + filename + "' was uploaded a moment ago");
        }
        if (projects.totalFileSize(project.id()) + received.size() > limits.maxProjectSize().toBytes()) {
            throw new InvalidInputException("Project size too large: project '" + project.name() + "' may hold at most "
                    + limits.maxProjectSize().toBytes() + " bytes; delete old files or ask an administrator");
        }
        CoreMetadata metadata = inspected.metadata();
        Release release = releaseFor(project, inspected);
        sourceCommits.nameOnUpload(caller, project, release, form.value(SourceCommitService.FORM_FIELD));
        long fileId = files.insert(new FileRepository.NewFile(release.id(), filename, form.required("filetype"),
                form.value("pyversion").orElse(filename.endsWith(".whl") ? "any" : "source"),
                metadata.requiresPython().orElse(null), received.size(), received.sha256(), received.md5(),
                received.blake2b256(), Sha256.hex(inspected.metadataFile()), clock.instant(), caller.user().id()));
        projects.touch(project.id(), metadata.summary().orElse(""));
        moveIntoPlace(project.normalizedName(), filename, received.path(), inspected.metadataFile());
        events.publishEvent(new FileUploaded(project.id(), project.normalizedName(), release.id(), release.version(),
                fileId, filename, caller.name()));
    }

    private Release releaseFor(Project project, InspectedDistribution inspected) {
        String version = inspected.fileName().version().toString();
        return releases.find(project.id(), version).orElseGet(() -> {
            CoreMetadata metadata = inspected.metadata();
            long id = releases.insert(project.id(), version, metadata.summary().orElse(""),
                    metadata.requiresPython().orElse(null),
                    new String(inspected.metadataFile(), StandardCharsets.UTF_8), clock.instant());
            List<ReleaseRepository.Dependency> dependencies = metadata.requiresDist().stream()
                    .map(requirement -> new ReleaseRepository.Dependency(requirement,
                            Requirement.parse(requirement).normalizedName()))
                    .toList();
            releases.insertDependencies(id, dependencies);
            return releases.find(project.id(), version).orElseThrow();
        });
    }

    private void moveIntoPlace(String project, String filename, Path received, byte[] metadataFile) throws IOException {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    removeQuietly(project, filename);
                    removeQuietly(project, filename + ".metadata");
                }
            }
        });
        Path metadataTemporary = store.newTemporaryFile();
        Files.write(metadataTemporary, metadataFile);
        store.publish(metadataTemporary, project, filename + ".metadata");
        store.publish(received, project, filename);
    }

    private void removeQuietly(String project, String filename) {
        try {
            store.remove(project, filename);
        } catch (IOException failure) {
            throw new UncheckedIOException("could not remove " + filename + " after a failed upload", failure);
        }
    }
}
