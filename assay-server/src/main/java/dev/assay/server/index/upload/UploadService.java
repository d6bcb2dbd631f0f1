package dev.assay.server.index.upload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

import dev.assay.packaging.PackagingException;
import dev.assay.packaging.filename.DistributionFileName;
import dev.assay.packaging.filename.WheelFileName;
import dev.assay.packaging.name.ProjectName;
import dev.assay.packaging.version.Version;
import dev.assay.server.accounts.Caller;
import dev.assay.server.config.UploadLimits;
import dev.assay.server.error.ContentTooLargeException;
import dev.assay.server.db.DurableCommits;
import dev.assay.server.error.InvalidInputException;
import dev.assay.server.index.DistributionStore;
import dev.assay.server.index.ProjectService;
import dev.assay.server.pipeline.sourcecommit.SourceCommitService;

/**
 * The rules of an upload, checked in the order that tells the uploader the most useful thing first;
 * nothing becomes visible unless every rule passed.
 */
@Service
class UploadService {

    private final ProjectService projects;
    private final DistributionStore store;
    private final DistributionInspector inspector;
    private final UploadPublisher publisher;
    private final UploadLimits limits;
    private final DurableCommits commits;

    UploadService(ProjectService projects, DistributionStore store, DistributionInspector inspector,
            UploadPublisher publisher, UploadLimits limits, DurableCommits commits) {
        this.projects = projects;
        this.store = store;
        this.inspector = inspector;
        this.publisher = publisher;
        this.limits = limits;
        this.commits = commits;
    }

    /** Refuses a request whose declared Content-Length is larger than any valid upload (-1: not declared). */
    void checkDeclaredLength(long contentLength) {
        if (contentLength > limits.maxRequestBytes()) {
            throw new ContentTooLargeException("The upload is " + contentLength + " bytes, larger than the limit of "
                    + limits.maxRequestBytes() + " bytes (" + limits.maxFileSize().toBytes() + " per file and its form)");
        }
    }

    /**
     * Reads the body of an upload once (its file straight into a temporary file, hashed on the way), checks it
     * and publishes it; returns the file's name. Whatever fails, the temporary file is gone afterwards.
     */
    String upload(Caller caller, UploadBody body) {
        Path temporary = newTemporaryFile();
        try {
            ReceivedForm received = body.receiveInto(temporary);
            if (!received.hasFile()) {
                throw new InvalidInputException("Missing file: send the distribution in the form part 'content'");
            }
            UploadForm form = received.form();
            String filename = received.filename();
            DistributionFileName fileName = checkForm(caller, form, filename);
            checkDigests(form, received.file());
            InspectedDistribution inspected = inspect(temporary, fileName, filename, form);
            StoredFieldLimits.check(filename, form, inspected);
            publisher.publish(caller, form, filename, received.file(), inspected);
            // the files were forced to disk before the commit; the answer waits for the commit to be on disk too
            commits.force();
            return filename;
        } catch (IOException failure) {
            throw new UncheckedIOException("could not store an upload", failure);
        } finally {
            deleteQuietly(temporary);
        }
    }

    /** The rules the form and the file's name must follow, whatever the file holds. */
    private DistributionFileName checkForm(Caller caller, UploadForm form, String filename) {
        checkAction(form);
        DistributionFileName fileName = parseFileName(filename);
        checkFormAgreesWithFileName(form, filename, fileName);
        SourceCommitService.checkUploaded(form.value(SourceCommitService.FORM_FIELD));
        projects.checkMayUpload(caller, fileName.name());
        if (publisher.fileNameUsed(filename)) {
            throw new InvalidInputException("File already exists: '" + filename + "' was uploaded before "
                    + "(a file name is never accepted twice, even after deletion); bump the version");
        }
        return fileName;
    }

    private InspectedDistribution inspect(Path temporary, DistributionFileName fileName, String filename, UploadForm form) {
        try {
            return inspector.inspect(temporary, fileName, form);
        } catch (InvalidInputException refused) {
            // the archive reader names the file it opened, a temporary one: say the name the uploader knows
            throw new InvalidInputException(refused.getMessage().replace(temporary.getFileName().toString(), filename));
        }
    }

    private static void checkAction(UploadForm form) {
        String action = form.required(":action");
        if (!action.equals("file_upload")) {
            throw new InvalidInputException("Unsupported ':action' '" + action + "': only file_upload is accepted");
        }
        String protocol = form.value("protocol_version").orElse("1");
        if (!protocol.equals("1")) {
            throw new InvalidInputException("Unknown protocol_version '" + protocol + "': only 1 is supported");
        }
    }

    private static DistributionFileName parseFileName(String filename) {
        if (filename == null || filename.isBlank()) {
            throw new InvalidInputException("Missing file: send the distribution in the form part 'content'");
        }
        try {
            return DistributionFileName.parse(filename);
        } catch (PackagingException invalid) {
            throw new InvalidInputException("Invalid file name '" + filename + "': " + invalid.getMessage());
        }
    }

    private static void checkFormAgreesWithFileName(UploadForm form, String filename, DistributionFileName fileName) {
        String name = form.required("name");
        if (!ProjectName.normalize(name).equals(fileName.name().normalized())) {
            throw new InvalidInputException("The file name '" + filename + "' is not for project '" + name + "'");
        }
        String versionText = form.required("version");
        Version version = Version.tryParse(versionText).orElseThrow(() -> new InvalidInputException(
                "'" + versionText + "' is an invalid version: use a PEP 440 version such as 1.0, 2.1rc1, 1.0.post1"));
        if (!version.equals(fileName.version())) {
            throw new InvalidInputException("The file name '" + filename + "' is not for version " + version);
        }
        String filetype = form.required("filetype");
        String expected = fileName instanceof WheelFileName ? "bdist_wheel" : "sdist";
        if (!filetype.toLowerCase(Locale.ROOT).equals(expected)) {
            throw new InvalidInputException("Invalid filetype '" + filetype + "' for '" + filename + "': expected "
                    + expected + "; only sdist and bdist_wheel are accepted");
        }
    }

    private static void checkDigests(UploadForm form, ReceivedFile received) {
        Map<String, String> computed = Map.of("sha256_digest", received.sha256(), "md5_digest", received.md5(),
                "blake2_256_digest", received.blake2b256());
        boolean anyGiven = false;
        for (Map.Entry<String, String> digest : computed.entrySet()) {
            Optional<String> given = form.value(digest.getKey()).map(value -> value.toLowerCase(Locale.ROOT));
            anyGiven |= given.isPresent();
            if (given.isPresent() && !given.get().equals(digest.getValue())) {
                throw new InvalidInputException("The " + digest.getKey() + " supplied does not match the uploaded file "
                        + "(the file was damaged or truncated in transit); upload it again");
            }
        }
        if (!anyGiven) {
            throw new InvalidInputException("Missing digest: send sha256_digest (or md5_digest or blake2_256_digest)");
        }
    }

    private Path newTemporaryFile() {
        try {
            return store.newTemporaryFile();
        } catch (IOException failure) {
            throw new UncheckedIOException("no room for a temporary upload file", failure);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover temporary file is harmless and is not visible in the index
        }
    }
}
