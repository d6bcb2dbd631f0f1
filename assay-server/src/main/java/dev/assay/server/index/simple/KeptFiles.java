package dev.assay.server.index.simple;

import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.assay.server.index.simple.cache.ChangeWatch;
import dev.assay.server.index.simple.cache.KeptPage;
import dev.assay.server.index.simple.cache.PageStore;

/**
 * The hosted files listed on a project's kept page that is shared and current at the change serial: that page was
 * written after {@code ProjectService} let anyone read the project (public, not held) and nothing changed since, so
 * anyone may read the files it lists. What the file fast path serves without the database.
 */
@Component
public class KeptFiles {

    private static final SimpleFormat[] FORMATS = SimpleFormat.values();

    private final PageStore store;
    private final ChangeWatch watch;

    KeptFiles(PageStore store, ChangeWatch watch) {
        this.store = store;
        this.watch = watch;
    }

    /** The digests of {@code filename} when a current shared page of the project lists it; empty when unsure. */
    public Optional<KeptPage.ListedDigests> listed(String contextPath, String normalizedProject, String filename) {
        Long serial = null;
        for (SimpleFormat format : FORMATS) {
            KeptPage page = store.get(new PageStore.Key(contextPath, normalizedProject, format.tag()));
            if (page == null || !page.shared()) {
                continue;
            }
            // read once: on a shared database each read waits for the database
            serial = serial == null ? watch.current().pages() : serial;
            if (page.servableAt(serial)) {
                // any current page says the same: the project is readable by anyone and lists these files
                return Optional.ofNullable(page.files().get(filename));
            }
        }
        return Optional.empty();
    }
}
