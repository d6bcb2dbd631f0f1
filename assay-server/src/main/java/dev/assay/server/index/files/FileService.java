package dev.assay.server.index.files;

import java.nio.file.Files;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import dev.assay.server.error.NotFoundException;
import dev.assay.server.accounts.Caller;
import dev.assay.server.index.DistributionStore;
import dev.assay.server.index.Project;
import dev.assay.server.index.ProjectService;

/**
 * Which stored files may be served: only files the database knows, under the project that owns them,
 * located by the store from the recorded name (so no request path ever becomes a file path).
 */
@Service
class FileService {

    private static final Logger LOG = LoggerFactory.getLogger(FileService.class);

    private final ServedFileRepository files;
    private final DistributionStore store;
    private final ProjectService projects;
    private final Counter metadataRequests;

    FileService(ServedFileRepository files, DistributionStore store, ProjectService projects, MeterRegistry meters) {
        this.files = files;
        this.store = store;
        this.projects = projects;
        this.metadataRequests = metadataRequests(meters);
    }

    /** The count of {@code .metadata} requests, answered here or by the fast path. */
    static Counter metadataRequests(MeterRegistry meters) {
        return Counter.builder("assay.index.metadata.requests")
                .description("Requests for PEP 658 .metadata files, which installers fetch instead of whole files")
                .register(meters);
    }

    /**
     * The distribution file or its {@code .metadata} file named in a URL, or not found; for a private project only
     * to its readers (an anonymous request is asked for credentials), others get the answer of a missing file.
     */
    ServedFile find(Optional<Caller> caller, String project, String requestedName) {
        boolean sharedProject = checkMayRead(caller, project, requestedName);
        // distribution file names end in .whl, .tar.gz or .zip, so a .metadata name is never a distribution's
        if (requestedName.endsWith(FileResponses.METADATA_SUFFIX)) {
            String filename = requestedName.substring(0,
                    requestedName.length() - FileResponses.METADATA_SUFFIX.length());
            ServedFile metadata = lookUp(caller, project, filename)
                    .flatMap(file -> file.metadataSha256().map(sha256 -> new ServedFile(
                            store.locate(file.normalizedProject(), requestedName), requestedName, sha256,
                            sharedProject && !file.held())))
                    .orElseThrow(() -> notFound(project, requestedName));
            metadataRequests.increment();
            return existing(metadata);
        }
        return lookUp(caller, project, requestedName)
                .map(file -> existing(new ServedFile(store.locate(file.normalizedProject(), file.filename()),
                        file.filename(), file.sha256(), sharedProject && !file.held())))
                .orElseThrow(() -> notFound(project, requestedName));
    }

    /** Whether shared caches may keep the project's files, after refusing a caller who may not read them. */
    private boolean checkMayRead(Optional<Caller> caller, String project, String requestedName) {
        Optional<Project> found = projects.find(project);
        try {
            found.ifPresent(readable -> projects.checkClientMayRead(caller, readable));
        } catch (NotFoundException secret) {
            throw notFound(project, requestedName);
        }
        return found.filter(Project::isRestricted).isEmpty();
    }

    /**
     * The project's stored file; a file of a release held for review only for the readers of held projects (package
     * reviewers, the project's members, administrators): to anyone else it is not installable yet, and says so.
     */
    private Optional<ServedFileRepository.StoredFile> lookUp(Optional<Caller> caller, String project,
            String filename) {
        Optional<ServedFileRepository.StoredFile> found = files.find(filename)
                .filter(file -> file.normalizedProject().equals(project));
        found.filter(ServedFileRepository.StoredFile::held)
                .filter(file -> !projects.mayReadHeld(caller, projects.project(project))).ifPresent(file -> {
                    throw new NotFoundException("version " + file.version() + " of " + project
                            + " is held for review");
                });
        return found;
    }

    private static ServedFile existing(ServedFile file) {
        if (!Files.isRegularFile(file.path())) {
            LOG.error("File {} has a row in the database but is missing from the file store at {}", file.filename(),
                    file.path());
            throw new NotFoundException("The file '" + file.filename() + "' is missing from the file store");
        }
        return file;
    }

    private static NotFoundException notFound(String project, String filename) {
        return new NotFoundException("There is no file '" + filename + "' in project '" + project + "'");
    }
}
