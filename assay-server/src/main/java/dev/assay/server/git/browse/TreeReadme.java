package dev.assay.server.git.browse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.springframework.stereotype.Component;

import dev.assay.server.index.description.DescriptionProperties;
import dev.assay.server.index.description.DescriptionRenderer;
import dev.assay.server.index.description.RelativeLinks;

/**
 * Finds a directory's README and renders it as descriptions are: Markdown sanitised, reStructuredText and plain
 * text shown as text, cut at the description size limit (so a huge README is never read whole).
 */
@Component
class TreeReadme {

    /** The names looked for, case-insensitively, the first found winning. */
    private static final List<String> NAMES = List.of("readme.md", "readme.markdown", "readme.rst", "readme.txt",
            "readme");

    private final DescriptionRenderer renderer;
    private final int maxBytes;

    TreeReadme(DescriptionRenderer renderer, DescriptionProperties properties) {
        this.renderer = renderer;
        // a few bytes past the limit, so the renderer sees the text is longer and says so
        this.maxBytes = (int) Math.min(Integer.MAX_VALUE - 8, properties.maxSize().toBytes() + 4);
    }

    /**
     * The README among {@code entries} of the directory at {@code commit}, if there is a text one; its relative
     * links point to files of the same directory under {@code relative}.
     */
    Optional<Readme> find(Repository repository, RevCommit commit, List<TreeItem> entries, RelativeLinks relative)
            throws IOException {
        for (String wanted : NAMES) {
            Optional<TreeItem> file = entries.stream()
                    .filter(entry -> entry.kind() == TreeItem.Kind.FILE)
                    .filter(entry -> entry.name().toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
            if (file.isPresent()) {
                return render(repository, commit, file.get(), relative);
            }
        }
        return Optional.empty();
    }

    private Optional<Readme> render(Repository repository, RevCommit commit, TreeItem file, RelativeLinks relative)
            throws IOException {
        byte[] bytes;
        try (TreeWalk found = TreeWalk.forPath(repository, file.path(), commit.getTree());
                InputStream in = repository.open(found.getObjectId(0), Constants.OBJ_BLOB).openStream()) {
            bytes = in.readNBytes(maxBytes);
        }
        if (SourceService.isBinary(bytes, bytes.length)) {
            return Optional.empty();
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        String html = renderer.render(text, contentType(file.name()), relative).html();
        return Optional.of(new Readme(file.name(), file.path(), html));
    }

    /** Markdown is rendered; reStructuredText is never parsed here, and is shown as text like any other README. */
    private static String contentType(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".md") || lower.endsWith(".markdown")) {
            return "text/markdown";
        }
        return lower.endsWith(".rst") ? "text/x-rst" : "text/plain";
    }
}
