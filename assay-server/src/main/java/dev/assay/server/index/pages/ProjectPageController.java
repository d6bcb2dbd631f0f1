package dev.assay.server.index.pages;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriUtils;

import dev.assay.server.accounts.Caller;
import dev.assay.server.accounts.CallerResolver;
import dev.assay.server.error.NotFoundException;
import dev.assay.server.index.Project;
import dev.assay.server.index.ProjectService;
import dev.assay.server.index.Release;
import dev.assay.server.index.ReleaseLookup;
import dev.assay.server.notify.WatchService;
import dev.assay.server.pipeline.triggers.MirroredFilePipelines;
import dev.assay.server.upstream.pages.MirroredProjectPage;
import dev.assay.server.upstream.pages.MirroredProjects;

/**
 * {@code /project/<name>/} and {@code /project/<name>/<version>/}: pages at their canonical address, for those who
 * may read the project (a private project is not found for anyone else); a name not hosted here shows what an
 * upstream lists for it.
 */
@Controller
class ProjectPageController {

    private final ProjectService projects;
    private final ReleaseLookup lookup;
    private final ProjectPageService pages;
    private final CallerResolver callers;
    private final WatchService watching;
    private final MirroredProjects mirroredProjects;
    private final MirroredFilePipelines mirroredPipelines;

    ProjectPageController(ProjectService projects, ReleaseLookup lookup, ProjectPageService pages,
            CallerResolver callers, WatchService watching, MirroredProjects mirroredProjects,
            MirroredFilePipelines mirroredPipelines) {
        this.mirroredPipelines = mirroredPipelines;
        this.projects = projects;
        this.lookup = lookup;
        this.pages = pages;
        this.callers = callers;
        this.watching = watching;
        this.mirroredProjects = mirroredProjects;
    }

    @GetMapping({"/project/{name}", "/project/{name}/"})
    String project(Authentication authentication, @PathVariable String name, HttpServletRequest request,
            Model model) {
        Optional<Caller> caller = callers.caller(authentication);
        Project project;
        try {
            project = projects.readable(caller, name);
        } catch (NotFoundException notHosted) {
            return mirrored(caller, name, request, model, notHosted);
        }
        String canonical = "/project/" + project.normalizedName() + "/";
        if (!path(request).equals(canonical)) {
            return redirect(canonical, request);
        }
        return show(caller, pages.latest(projects.reader(caller), project), model);
    }

    // A name not hosted here (or not readable by the caller, which the upstream side answers as hosted) may be one
    // an upstream lists.
    private String mirrored(Optional<Caller> caller, String name, HttpServletRequest request, Model model,
            NotFoundException notHosted) {
        MirroredProjectPage page = mirroredProjects.page(name).orElseThrow(() -> notHosted);
        String canonical = "/project/" + page.name() + "/";
        if (!path(request).equals(canonical)) {
            return redirect(canonical, request);
        }
        model.addAttribute("page", page);
        model.addAttribute("indexUrl", indexUrl());
        model.addAttribute("pipelines", mirroredPipelines.forProject(page.name()));
        model.addAttribute("mayVet", caller.map(Caller::isAdmin).orElse(false));
        return "upstream/project";
    }

    @GetMapping({"/project/{name}/{version}", "/project/{name}/{version}/"})
    String release(Authentication authentication, @PathVariable String name, @PathVariable String version,
            HttpServletRequest request, Model model) {
        Optional<Caller> caller = callers.caller(authentication);
        Project project = projects.readable(caller, name);
        Release release = lookup.release(project, version);
        String canonical = "/project/" + project.normalizedName() + "/" + release.version() + "/";
        if (!path(request).equals(canonical)) {
            return redirect(canonical, request);
        }
        return show(caller, pages.release(projects.reader(caller), project, release), model);
    }

    private String show(Optional<Caller> caller, ProjectPage page, Model model) {
        model.addAttribute("page", page);
        model.addAttribute("indexUrl", indexUrl());
        model.addAttribute("mayChangeSettings", projects.mayChangeSettings(caller, page.project()));
        model.addAttribute("signedIn", caller.isPresent());
        model.addAttribute("viewer", caller);
        model.addAttribute("watching", watching.watchesProject(caller, page.project()));
        return "index/project";
    }

    private static String indexUrl() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path("/simple/").toUriString();
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
