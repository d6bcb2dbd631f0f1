package dev.assay.server.upstream.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import dev.assay.server.config.AssayProperties;
import dev.assay.server.config.UploadLimits;
import dev.assay.server.error.BadGatewayException;
import dev.assay.server.error.NotFoundException;
import dev.assay.server.index.files.FileResponses;
import dev.assay.server.storage.FileTree;
import dev.assay.server.storage.ScratchSpace;
import dev.assay.server.upstream.MirroredFiles;
import dev.assay.server.upstream.UpstreamFile;
import dev.assay.server.upstream.UpstreamProject;
import dev.assay.server.upstream.config.Upstream;
import dev.assay.server.upstream.fetch.FetchSettings;
import dev.assay.server.upstream.fetch.UpstreamHttp;

/**
 * The kept copies of upstream files under {@code DATA/upstream/<project>/<filename>}. A file missing there is
 * downloaded into this server's scratch folder while its digests are computed, refused past the upload size limit
 * or when any hash upstream lists differs, then moved into place and recorded; concurrent requests for one file
 * share one download.
 */
@Service
public class UpstreamFileCache implements MirroredFiles {

    /** Where a download goes and what it must match. */
    private record Source(Upstream upstream, String project, String filename, URI url, Map<String, String> hashes,
            Optional<Long> size) {
    }

    private final UpstreamHttp http;
    private final KeptFileRepository kept;
    private final FileTree tree;
    private final ScratchSpace scratch;
    private final UploadLimits limits;
    private final FetchSettings fetch;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final ConcurrentMap<String, CompletableFuture<KeptFile>> downloads = new ConcurrentHashMap<>();

    UpstreamFileCache(UpstreamHttp http, KeptFileRepository kept, AssayProperties properties, ScratchSpace scratch,
            UploadLimits limits, FetchSettings fetch, Clock clock, ApplicationEventPublisher events)
            throws IOException {
        this.http = http;
        this.kept = kept;
        this.tree = new FileTree(properties.data().resolve("upstream"));
        this.scratch = scratch;
        this.limits = limits;
        this.fetch = fetch;
        this.clock = clock;
        this.events = events;
    }

    @Override
    public Path fetch(UpstreamProject project, UpstreamFile file) {
        return path(fetchFile(project, file));
    }

    /** The kept distribution file, downloaded and checked first if it is not kept yet. */
    public KeptFile fetchFile(UpstreamProject project, UpstreamFile file) {
        return keep(new Source(project.upstream(), project.normalizedName(), checkedName(project, file.filename()),
                file.url(), file.hashes(), file.size()));
    }

    /** The kept {@code .metadata} file (PEP 658) of a file whose upstream offers one, fetched and checked first. */
    public KeptFile fetchMetadata(UpstreamProject project, UpstreamFile file) {
        Map<String, String> hashes = file.coreMetadata().orElseThrow(() -> new NotFoundException("upstream "
                + project.upstream().url() + " offers no metadata file for '" + file.filename() + "'"));
        return keep(new Source(project.upstream(), project.normalizedName(),
                checkedName(project, file.filename()) + FileResponses.METADATA_SUFFIX, metadataUrl(file.url()), hashes,
                Optional.empty()));
    }

    /** A file of an upstream project already kept here (its record and its bytes), for the wheelhouse. */
    public Optional<Path> kept(String normalizedProject, String filename) {
        return find(normalizedProject, filename).map(this::path);
    }

    /** The record of a file kept here whose bytes are in place. */
    public Optional<KeptFile> find(String normalizedProject, String filename) {
        return kept.find(normalizedProject, filename).filter(file -> Files.isRegularFile(path(file)));
    }

    /** Where a kept file's bytes are. */
    public Path path(KeptFile file) {
        return tree.locate(file.normalizedProject(), file.filename());
    }

    private KeptFile keep(Source source) {
        Optional<KeptFile> already = find(source.project(), source.filename());
        if (already.isPresent()) {
            return already.get();
        }
        String key = source.project() + "/" + source.filename();
        CompletableFuture<KeptFile> mine = new CompletableFuture<>();
        CompletableFuture<KeptFile> running = downloads.putIfAbsent(key, mine);
        if (running != null) {
            return outcome(running);
        }
        try {
            // looked up again: a download may have finished between the first look and the claim
            KeptFile done = find(source.project(), source.filename()).orElseGet(() -> download(source));
            mine.complete(done);
            return done;
        } catch (RuntimeException failure) {
            mine.completeExceptionally(failure);
            throw failure;
        } finally {
            downloads.remove(key, mine);
        }
    }

    private static KeptFile outcome(CompletableFuture<KeptFile> download) {
        try {
            return download.join();
        } catch (CompletionException failed) {
            throw failed.getCause() instanceof RuntimeException cause ? cause : failed;
        }
    }

    private KeptFile download(Source source) {
        Path temporary = null;
        try {
            temporary = scratch.newFile("upstream-", ".part");
            FileDigests.Copied copied = copy(source, temporary);
            Optional<String> mismatch = FileDigests.mismatch(source.hashes(), copied)
                    .or(() -> source.size().filter(size -> size != copied.size()).map(size -> "the size differs: "
                            + "upstream lists " + size + " bytes, the download has " + copied.size()));
            if (mismatch.isPresent()) {
                throw failure(source, "sent a different '" + source.filename() + "' than it lists: "
                        + mismatch.get() + "; the download was discarded");
            }
            tree.publish(temporary, source.project(), source.filename());
            record(source, new KeptFile(source.project(), source.filename(), copied.sha256(), copied.size(),
                    source.upstream().url(), withoutCredentials(source.url()), clock.instant()));
            return kept.find(source.project(), source.filename()).orElseThrow();
        } catch (IOException failure) {
            throw new UncheckedIOException("could not keep " + source.filename() + " from upstream", failure);
        } finally {
            deleteQuietly(temporary);
        }
    }

    /**
     * Records the kept file and, for a distribution file newly kept, tells listeners: the insert commits on its own
     * (the cache runs outside transactions), so listeners see the record.
     */
    private void record(Source source, KeptFile file) {
        if (kept.insert(file) && !file.filename().endsWith(FileResponses.METADATA_SUFFIX)) {
            events.publishEvent(new UpstreamFileKept(source.upstream(), file.normalizedProject(), file.filename()));
        }
    }

    private FileDigests.Copied copy(Source source, Path temporary) throws IOException {
        long max = limits.maxFileSize().toBytes();
        HttpResponse<InputStream> response = http.get(source.upstream(), source.url(), Map.of());
        StallGuard guard = new StallGuard(response.body(), fetch.readTimeout());
        try (InputStream body = guard.stream()) {
            if (response.statusCode() != 200) {
                throw failure(source, "answered " + response.statusCode() + " for " + source.url());
            }
            if (response.headers().firstValueAsLong("Content-Length").orElse(0) > max) {
                throw new FileDigests.TooLargeException();
            }
            FileDigests.Copied copied = FileDigests.copy(body, temporary, source.hashes().keySet(), max);
            if (guard.stalled()) {
                // a body closed under a read may end as if complete: it must never be taken for the whole file
                throw new IOException("stalled");
            }
            return copied;
        } catch (FileDigests.TooLargeException tooLarge) {
            throw failure(source, "sent '" + source.filename() + "' larger than this index's file size limit of "
                    + limits.maxFileSize() + " (assay.upload.max-file-size)");
        } catch (IOException broken) {
            throw failure(source, guard.stalled() ? "stopped sending '" + source.filename() + "' for "
                    + fetch.readTimeout().toSeconds() + " s (assay.upstream.fetch.read-timeout)"
                    : "broke off sending '" + source.filename() + "' (" + broken.getMessage() + ")");
        } finally {
            guard.finish();
        }
    }

    /** A name upstream gives is only kept if it cannot reach outside the project's folder. */
    private static String checkedName(UpstreamProject project, String filename) {
        if (filename.isEmpty() || filename.startsWith(".") || filename.contains("/") || filename.contains("\\")
                || filename.chars().anyMatch(Character::isISOControl)) {
            throw new BadGatewayException("upstream " + project.upstream().url() + " lists a file name that cannot "
                    + "be kept: '" + filename + "'");
        }
        return filename;
    }

    /** PEP 658: the metadata file's URL is the file's with {@code .metadata} appended to its path. */
    static URI metadataUrl(URI file) {
        return URI.create(file.getScheme() + "://" + file.getRawAuthority() + file.getRawPath()
                + FileResponses.METADATA_SUFFIX + (file.getRawQuery() == null ? "" : "?" + file.getRawQuery()));
    }

    static String withoutCredentials(URI url) {
        String text = url.toString();
        return url.getRawUserInfo() == null ? text : text.replace(url.getRawUserInfo() + "@", "");
    }

    private static BadGatewayException failure(Source source, String what) {
        return new BadGatewayException("upstream " + source.upstream().url() + " " + what);
    }

    private static void deleteQuietly(Path temporary) {
        if (temporary == null) {
            return;
        }
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException stays) {
            // the scratch folder is cleared when the server stops or the next one starts
        }
    }
}
