package dev.assay.server.index.simple;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

import dev.assay.server.index.ChangeSerials;
import dev.assay.server.index.Reader;
import dev.assay.server.index.simple.cache.ChangeWatch;
import dev.assay.server.index.simple.cache.Compression;
import dev.assay.server.index.simple.cache.KeptPage;
import dev.assay.server.index.simple.cache.PageStore;

/**
 * The project list ({@code /simple/}): the anonymous one written once per change of the list serial and kept with its
 * compressed forms; a signed-in reader's is the kept list of public projects merged with the few restricted projects
 * they may read, so no reader costs a query over every project.
 */
@Component
class ProjectLists {

    /** The public projects at a list serial. */
    private record PublicList(long stamp, List<SimpleRepository.ListedProject> projects) {
    }

    private final SimpleRepository repository;
    private final SimpleHtml html;
    private final JsonMapper json;
    private final PageStore store;
    private final Compression compression;
    private final ChangeWatch watch;
    private volatile PublicList publicList = new PublicList(-1, List.of());

    ProjectLists(SimpleRepository repository, SimpleHtml html, JsonMapper json, PageStore store,
            Compression compression, ChangeWatch watch) {
        this.repository = repository;
        this.html = html;
        this.json = json;
        this.store = store;
        this.compression = compression;
        this.watch = watch;
    }

    /** The list everyone may be served, kept per format. */
    KeptPage anonymous(FileUrls urls, SimpleFormat format) {
        ChangeSerials serials = watch.current();
        PageStore.Key key = new PageStore.Key(urls.contextPath(), "", format.tag());
        KeptPage kept = store.get(key);
        if (kept != null && kept.stamp() == serials.list()) {
            return kept;
        }
        List<SimpleRepository.ListedProject> projects = publicProjects(serials.list());
        KeptPage page = KeptPage.of(compression, format.mediaType().toString(),
                "\"simple-list." + serials.list() + "-" + format.tag() + "\"", SimpleController.cacheControl(false),
                null, write(projects, urls, format), serials.list(), true);
        store.put(key, page);
        return page;
    }

    /** What this signed-in reader may read: the public projects and the restricted ones they read, by name. */
    byte[] signedIn(Reader reader, FileUrls urls, SimpleFormat format) {
        List<SimpleRepository.ListedProject> projects = new ArrayList<>(publicProjects(watch.current().list()));
        projects.addAll(repository.restrictedProjects(reader));
        projects.sort(Comparator.comparing(SimpleRepository.ListedProject::normalizedName));
        return write(projects, urls, format);
    }

    private List<SimpleRepository.ListedProject> publicProjects(long stamp) {
        PublicList known = publicList;
        if (known.stamp() == stamp) {
            return known.projects();
        }
        PublicList read = new PublicList(stamp, List.copyOf(repository.projects(Reader.ANONYMOUS)));
        publicList = read;
        return read.projects();
    }

    private byte[] write(List<SimpleRepository.ListedProject> projects, FileUrls urls, SimpleFormat format) {
        return format.isJson() ? json.writeValueAsBytes(SimpleJson.projectList(projects))
                : html.projectList(projects, urls).getBytes(StandardCharsets.UTF_8);
    }
}
