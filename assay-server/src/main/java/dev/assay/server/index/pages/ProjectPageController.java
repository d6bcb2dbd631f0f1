package dev.assay.server.index.pages;

import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.View;
import org.springframework.web.util.UriUtils;

import dev.assay.server.index.Project;
import dev.assay.server.index.ProjectService;
import dev.assay.server.index.Release;
import dev.assay.server.index.ReleaseLookup;

/** {@code /project/<name>/} and {@code /project/<name>/<version>/}: public pages, at their canonical address. */
@Controller
class ProjectPageController {

    private final ProjectService projects;
    private final ReleaseLookup lookup;
    private final ProjectPageService pages;

    ProjectPageController(ProjectService projects, ReleaseLookup lookup, ProjectPageService pages) {
        this.projects = projects;
        this.lookup = lookup;
        this.pages = pages;
    }

    @GetMapping({"/project/{name}", "/project/{name}/"})
    String project(@PathVariable String name, HttpServletRequest request, Model model) {
        Project project = projects.project(name);
        String canonical = "/project/" + project.normalizedName() + "/";
        if (!path(request).equals(canonical)) {
            return redirect(canonical, request);
        }
        return show(pages.latest(project), model);
    }

    @GetMapping({"/project/{name}/{version}", "/project/{name}/{version}/"})
    String release(@PathVariable String name, @PathVariable String version, HttpServletRequest request, Model model) {
        Project project = projects.project(name);
        Release release = lookup.release(project, version);
        String canonical = "/project/" + project.normalizedName() + "/" + release.version() + "/";
        if (!path(request).equals(canonical)) {
            return redirect(canonical, request);
        }
        return show(pages.release(project, release), model);
    }

    private static String show(ProjectPage page, Model model) {
        model.addAttribute("page", page);
        return "index/project";
    }

    private static String path(HttpServletRequest request) {
        return UriUtils.decode(request.getRequestURI().substring(request.getContextPath().length()),
                StandardCharsets.UTF_8);
    }

    /** Normalised names and stored versions need no escaping in a path; the old address stays valid for good. */
    private static String redirect(String canonical, HttpServletRequest request) {
        request.setAttribute(View.RESPONSE_STATUS_ATTRIBUTE, HttpStatus.MOVED_PERMANENTLY);
        return "redirect:" + canonical;
    }
}
