package dev.assay.server.upstream.files;

import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import dev.assay.server.index.files.FileResponses;

/**
 * {@code GET /upstream/files/<project>/<filename>} and its {@code .metadata} (PEP 658): the files of projects
 * answered from upstream, to which their Simple API pages link. Readable as public projects are.
 */
@RestController
class UpstreamFileController {

    /** Names the upstream index a response's data came from. */
    static final String UPSTREAM = "X-Assay-Upstream";

    private final UpstreamFileService files;
    private final UpstreamFileCache cache;

    UpstreamFileController(UpstreamFileService files, UpstreamFileCache cache) {
        this.files = files;
        this.cache = cache;
    }

    @GetMapping("/upstream/files/{project}/{filename}")
    ResponseEntity<Resource> download(@PathVariable String project, @PathVariable String filename) {
        KeptFile file = files.find(project, filename);
        HttpHeaders upstream = new HttpHeaders();
        upstream.set(UPSTREAM, file.upstreamUrl());
        return FileResponses.file(cache.path(file), file.filename(), file.sha256(), true, upstream);
    }
}
