package dev.assay.server.upstream.files;

import java.util.Optional;

import org.springframework.stereotype.Service;

import dev.assay.packaging.name.ProjectName;
import dev.assay.server.error.NotFoundException;
import dev.assay.server.index.files.FileResponses;
import dev.assay.server.upstream.UpstreamFile;
import dev.assay.server.upstream.UpstreamIndex;
import dev.assay.server.upstream.UpstreamProject;
import dev.assay.server.upstream.rules.NameDecision;
import dev.assay.server.upstream.rules.NameRefusal;
import dev.assay.server.upstream.rules.UpstreamNames;

/**
 * Which upstream files may be served. The name rules are asked first, always (a hosted or reserved name never
 * serves an upstream file, kept or not); a kept file is then served without asking upstream, so the cache answers
 * while upstream is down; any other file must be listed on the project's upstream page (quarantine applied).
 */
@Service
class UpstreamFileService {

    private final UpstreamNames names;
    private final UpstreamIndex index;
    private final UpstreamFileCache cache;

    UpstreamFileService(UpstreamNames names, UpstreamIndex index, UpstreamFileCache cache) {
        this.names = names;
        this.index = index;
        this.cache = cache;
    }

    /** The kept file (or {@code .metadata} file) a URL names, fetched from upstream first if needed. */
    KeptFile find(String project, String requestedName) {
        if (!ProjectName.isValid(project) || !ProjectName.normalize(project).equals(project)) {
            throw notFound(project, requestedName);
        }
        NameDecision decision = names.decide(project);
        if (decision.verdict() == NameDecision.Verdict.HOSTED) {
            throw new NotFoundException("'" + project + "' is hosted on this index: its files are never served "
                    + "from upstream");
        }
        if (!decision.fromUpstream()) {
            throw NameRefusal.notFound(project, decision);
        }
        Optional<KeptFile> kept = cache.find(project, requestedName);
        if (kept.isPresent()) {
            return kept.get();
        }
        UpstreamProject listed = index.project(project).orElseThrow(() -> new NotFoundException(
                "no upstream index lists a project named '" + project + "'"));
        if (requestedName.endsWith(FileResponses.METADATA_SUFFIX)) {
            String filename = requestedName.substring(0, requestedName.length()
                    - FileResponses.METADATA_SUFFIX.length());
            return cache.fetchMetadata(listed, listedFile(listed, filename));
        }
        return cache.fetchFile(listed, listedFile(listed, requestedName));
    }

    private static UpstreamFile listedFile(UpstreamProject project, String filename) {
        return project.files().stream().filter(file -> file.filename().equals(filename)).findFirst()
                .orElseThrow(() -> project.quarantined(filename)
                        .map(hidden -> new NotFoundException("The file '" + filename + "' of '"
                                + project.normalizedName() + "' at upstream " + project.upstream().url() + " is "
                                + hidden.reason(project.upstream().quarantineDays())))
                        .orElseGet(() -> notFound(project.normalizedName(), filename)));
    }

    private static NotFoundException notFound(String project, String filename) {
        return new NotFoundException("There is no file '" + filename + "' in upstream project '" + project + "'");
    }
}
