package dev.assay.server.index.simple;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/** Writes the HTML pages of the Simple Repository API (PEP 503, 592, 629, 658, 714) from templates. */
@Component
class SimpleHtml {

    /** One anchor of a project page; null attributes are left out. */
    record Link(String filename, String href, String requiresPython, String yanked, String metadata) {
    }

    /** One anchor of the project list. */
    record ProjectLink(String name, String href) {
    }

    private final ITemplateEngine templates;

    SimpleHtml(ITemplateEngine templates) {
        this.templates = templates;
    }

    String projectList(List<SimpleRepository.ListedProject> projects, FileUrls urls) {
        List<ProjectLink> links = projects.stream()
                .map(project -> new ProjectLink(project.name(), urls.project(project.normalizedName()))).toList();
        return render("index/simple/projects", Map.of("projects", links));
    }

    String projectDetail(ProjectListing listing, FileUrls urls) {
        List<Link> links = listing.files().stream()
                .map(file -> new Link(file.filename(),
                        listing.fileUrl(urls, file) + file.sha256().map(sha256 -> "#sha256=" + sha256).orElse(""),
                        file.requiresPython().orElse(null), file.yankedAttribute(), file.coreMetadataAttribute()))
                .toList();
        return render("index/simple/project", Map.of("name", listing.name(), "files", links,
                "apiVersion", listing.apiVersion()));
    }

    private String render(String template, Map<String, Object> variables) {
        return templates.process(template, new Context(Locale.ROOT, variables));
    }
}
