package dev.assay.server.index.contents;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;

import dev.assay.server.error.NotFoundException;
import dev.assay.server.index.DistributionFile;
import dev.assay.server.index.Project;
import dev.assay.server.index.Release;
import dev.assay.server.index.ReleaseLookup;

/**
 * The uploaded files of a release as a reviewer reads them: every sdist and wheel listed under logical paths, and
 * the text of one logical path as lines. Callers check first that the reader may read the project
 * ({@code ProjectService.readable}); this service decides nothing about visibility.
 */
@Service
public class ReleaseContents {

    private final ReleaseLookup lookup;
    private final ArchiveScanner scanner;

    public ReleaseContents(ReleaseLookup lookup, ArchiveScanner scanner) {
        this.lookup = lookup;
        this.scanner = scanner;
    }

    /** Every distribution file of the release with its entries, by file name; an unreadable file says why. */
    public List<DistributionContents> list(Project project, Release release) {
        return lookup.files(release).stream().map(file -> list(project, file)).toList();
    }

    /** One distribution file with its entries, or why it cannot be read. */
    public DistributionContents list(Project project, DistributionFile file) {
        return scanner.list(project.normalizedName(), file);
    }

    /**
     * The entry at a logical path, with its lines when it is text. When two files of the release share a root
     * (a {@code .tar.gz} and a legacy {@code .zip} sdist) the first by file name answers.
     */
    public Optional<FileText> find(Project project, Release release, String path) {
        return Optional.ofNullable(texts(project, release, List.of(path)).get(path));
    }

    /**
     * As {@link #find}, for a path that must exist.
     *
     * @throws NotFoundException naming the release and path when no file of the release holds it
     */
    public FileText text(Project project, Release release, String path) {
        return find(project, release, path).orElseThrow(() -> new NotFoundException("release " + release.version()
                + " of project '" + project.name() + "' has no file '" + path + "'"));
    }

    /**
     * The entries at these logical paths with their lines, reading each archive at most once: what a diff or the
     * porting of comments to a newer release needs. A path no file holds is left out of the answer.
     */
    public Map<String, FileText> texts(Project project, Release release, Collection<String> paths) {
        return texts(project, list(project, release), paths);
    }

    /** As {@link #texts(Project, Release, Collection)} over listings already made. */
    Map<String, FileText> texts(Project project, List<DistributionContents> listings, Collection<String> paths) {
        Set<String> left = new HashSet<>(paths);
        Map<String, FileText> found = new LinkedHashMap<>();
        for (DistributionContents contents : listings) {
            Map<String, ContentEntry> here = new LinkedHashMap<>();
            left.forEach(path -> contents.entry(path).ifPresent(entry -> here.put(path, entry)));
            if (here.isEmpty()) {
                continue;
            }
            Map<String, byte[]> bytes = scanner.read(project.normalizedName(), contents, here.keySet());
            here.forEach((path, entry) -> found.put(path, fileText(contents.file(), entry, bytes.get(path))));
            left.removeAll(here.keySet());
        }
        return found;
    }

    private static FileText fileText(DistributionFile file, ContentEntry entry, byte[] bytes) {
        if (entry.kind() != ContentKind.TEXT) {
            return new FileText(file, entry, List.of());
        }
        Optional<String> text = bytes == null ? Optional.empty() : TextLines.decode(bytes);
        if (text.isEmpty()) {
            // listed as text but no longer readable so: say it cannot be shown rather than show nothing as text
            ContentEntry unreadable = new ContentEntry(entry.path(), entry.archivePath(), ContentKind.UNDECODABLE,
                    entry.size(), entry.sha256(), entry.linkTarget());
            return new FileText(file, unreadable, List.of());
        }
        return new FileText(file, entry, TextLines.split(text.get()));
    }
}
