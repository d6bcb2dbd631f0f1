package dev.assay.server.git.browse;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import dev.assay.server.accounts.CallerResolver;
import dev.assay.server.index.Project;
import dev.assay.server.index.ProjectService;
import dev.assay.server.review.change.ChangeRequestAccess;

/** The source pages of a project, for those who may read it: overview, directory, file and raw file. */
@Controller
class SourceController {

    private final ProjectService projects;
    private final SourceService sources;
    private final CallerResolver callers;
    private final ChangeRequestAccess changeRequests;

    SourceController(ProjectService projects, SourceService sources, CallerResolver callers,
            ChangeRequestAccess changeRequests) {
        this.projects = projects;
        this.sources = sources;
        this.callers = callers;
        this.changeRequests = changeRequests;
    }

    @GetMapping({"/project/{name}/source", "/project/{name}/source/"})
    String overview(Authentication authentication, @PathVariable String name, Model model) {
        Project project = show(authentication, name, model);
        Optional<SourceOverview> overview = sources.overview(project);
        model.addAttribute("cloneUrl", ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/git/{name}.git").buildAndExpand(project.normalizedName()).toUriString());
        model.addAttribute("repositoryExists", overview.isPresent());
        if (overview.isEmpty() || overview.get().empty()) {
            return "git/empty";
        }
        model.addAttribute("overview", overview.get());
        return "git/overview";
    }

    @GetMapping("/project/{name}/source/tree/{*refAndPath}")
    String tree(Authentication authentication, @PathVariable String name, @PathVariable String refAndPath,
            Model model) {
        Project project = show(authentication, name, model);
        TreePage page = sources.tree(project, segments(refAndPath));
        model.addAttribute("page", page);
        model.addAttribute("mayEdit", mayEdit(authentication, project, page.refKind()));
        return "git/tree";
    }

    @GetMapping("/project/{name}/source/blob/{*refAndPath}")
    String blob(Authentication authentication, @PathVariable String name, @PathVariable String refAndPath,
            Model model) {
        Project project = show(authentication, name, model);
        BlobPage page = sources.blob(project, segments(refAndPath));
        model.addAttribute("page", page);
        model.addAttribute("mayEdit", mayEdit(authentication, project, page.refKind()));
        return "git/blob";
    }

    @GetMapping("/project/{name}/source/raw/{*refAndPath}")
    void raw(Authentication authentication, @PathVariable String name, @PathVariable String refAndPath,
            HttpServletResponse response) throws IOException {
        Project project = readable(authentication, name);
        sources.raw(project, segments(refAndPath), (fileName, size, binary) -> begin(response, fileName, size, binary));
    }

    /** Text is shown inline as plain text, anything else downloads; nosniff keeps browsers from guessing HTML. */
    private static OutputStream begin(HttpServletResponse response, String fileName, long size, boolean binary)
            throws IOException {
        response.setContentType(binary ? MediaType.APPLICATION_OCTET_STREAM_VALUE : "text/plain;charset=UTF-8");
        response.setContentLengthLong(size);
        ContentDisposition disposition = (binary ? ContentDisposition.attachment() : ContentDisposition.inline())
                .filename(fileName, StandardCharsets.UTF_8).build();
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, disposition.toString());
        response.setHeader("X-Content-Type-Options", "nosniff");
        return response.getOutputStream();
    }

    private Project show(Authentication authentication, String name, Model model) {
        Project project = readable(authentication, name);
        model.addAttribute("project", project);
        model.addAttribute("links", new SourceLinks(project.normalizedName()));
        return project;
    }

    /** Files are edited in the browser on a branch (never a tag or commit), by those who may propose changes. */
    private boolean mayEdit(Authentication authentication, Project project, String refKind) {
        return "branch".equals(refKind) && callers.caller(authentication)
                .filter(caller -> changeRequests.mayReview(caller, project)).isPresent();
    }

    private Project readable(Authentication authentication, String name) {
        return projects.readable(callers.caller(authentication), name);
    }

    static List<String> segments(String capturedPath) {
        return Arrays.stream(capturedPath.split("/")).filter(segment -> !segment.isEmpty()).toList();
    }
}
