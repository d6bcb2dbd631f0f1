package dev.assay.server.index.files;

import java.time.Duration;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import dev.assay.server.accounts.CallerResolver;

/**
 * {@code GET /files/<project>/<filename>} and its {@code .metadata} (PEP 658): the files the Simple
 * Repository API links to. Readable as their project is; Spring answers Range and If-None-Match requests from the headers set here.
 */
@RestController
class FileController {

    // a file name is never accepted twice, so what a URL names never changes
    private static final CacheControl IMMUTABLE = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();
    private static final CacheControl PRIVATE = CacheControl.maxAge(Duration.ofDays(365)).cachePrivate().immutable();

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
        return ResponseEntity.ok()
                .contentType(file.contentType())
                .eTag("\"" + file.sha256() + "\"")
                .cacheControl(file.shared() ? IMMUTABLE : PRIVATE)
                // pip names the downloaded file after this header; without it Spring MVC adds one naming
                // every file "f.txt" (its reflected-file-download guard), and a batch of downloads collides
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(file.filename()).build().toString())
                .body(new FileSystemResource(file.path()));
    }
}
