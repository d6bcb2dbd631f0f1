package dev.assay.server.index.files;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * How a distribution file or its {@code .metadata} file is answered, hosted or mirrored from upstream: its type, a
 * strong ETag of its SHA-256, a year of caching (what a file URL names never changes) and its name for the client.
 * Spring answers Range and If-None-Match requests from these headers.
 */
public final class FileResponses {

    /** What PEP 658 appends to a distribution file's URL for its core metadata. */
    public static final String METADATA_SUFFIX = ".metadata";

    // a file name is never accepted twice, so what a URL names never changes
    private static final CacheControl IMMUTABLE = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();
    private static final CacheControl PRIVATE = CacheControl.maxAge(Duration.ofDays(365)).cachePrivate().immutable();
    private static final MediaType GZIP = MediaType.parseMediaType("application/gzip");
    private static final MediaType ZIP = MediaType.parseMediaType("application/zip");
    private static final MediaType METADATA = MediaType.parseMediaType("text/plain; charset=utf-8");

    private FileResponses() {
    }

    /** The file at {@code path}; {@code shared} says whether shared caches may keep it (not a private project's). */
    public static ResponseEntity<Resource> file(Path path, String filename, String sha256, boolean shared,
            HttpHeaders extra) {
        return ResponseEntity.ok()
                .contentType(contentType(filename))
                .eTag("\"" + sha256 + "\"")
                .cacheControl(shared ? IMMUTABLE : PRIVATE)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition(filename))
                .headers(extra)
                .body(new FileSystemResource(path));
    }

    /** The {@code Cache-Control} of a file anyone may read. */
    static String sharedCacheControl() {
        return IMMUTABLE.getHeaderValue();
    }

    /** The {@code Content-Disposition} of a file: an attachment under its own name. */
    static String disposition(String filename) {
        // pip names the downloaded file after this header; without it Spring MVC adds one naming
        // every file "f.txt" (its reflected-file-download guard), and a batch of downloads collides
        return ContentDisposition.attachment().filename(filename).build().toString();
    }

    /** The type a file is served with, by its name. */
    public static MediaType contentType(String filename) {
        String name = filename.toLowerCase(Locale.ROOT);
        if (name.endsWith(METADATA_SUFFIX)) {
            return METADATA;
        }
        if (name.endsWith(".tar.gz") || name.endsWith(".tgz")) {
            return GZIP;
        }
        if (name.endsWith(".whl") || name.endsWith(".zip") || name.endsWith(".egg")) {
            return ZIP;
        }
        return MediaType.APPLICATION_OCTET_STREAM;
    }
}
