package dev.assay.server.index.files;

import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import dev.assay.server.accounts.CallerResolver;

/**
 * {@code GET /files/<project>/<filename>} and its {@code .metadata} (PEP 658): the files the Simple
 * Repository API links to. Readable as their project is; answered as {@link FileResponses} says.
 */
@RestController
class FileController {

    private final FileService files;
    private final CallerResolver callers;

    FileController(FileService files, CallerResolver callers) {
        this.files = files;
        this.callers = callers;
    }

    @GetMapping("/files/{project}/{filename}")
    ResponseEntity<Resource> download(Authentication authentication, @PathVariable String project,
            @PathVariable String filename) {
        ServedFile file = files.find(callers.caller(authentication), project, filename);
        return FileResponses.file(file.path(), file.filename(), file.sha256(), file.shared(), HttpHeaders.EMPTY);
    }
}
