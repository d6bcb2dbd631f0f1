package dev.assay.server.git;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import dev.assay.server.accounts.CallerResolver;
import dev.assay.server.git.GitViews.Branch;
import dev.assay.server.git.GitViews.CommitPage;
import dev.assay.server.git.GitViews.Tag;
import dev.assay.server.git.protection.BranchProtection;
import dev.assay.server.git.protection.ProtectedBranches;
import dev.assay.server.index.ProjectService;

/**
 * {@code /api/v1/projects/<project>/…} for repositories: branches, tags, commits and raw files are readable as
 * the project is (an anonymous request for a private one is asked for credentials); the protected branches are
 * changed by owners.
 */
@RestController
@RequestMapping("/api/v1/projects/{project}")
class GitApiController {

    private final GitReader reader;
    private final BranchProtection protection;
    private final CallerResolver callers;
    private final ProjectService projects;

    GitApiController(GitReader reader, BranchProtection protection, CallerResolver callers, ProjectService projects) {
        this.reader = reader;
        this.protection = protection;
        this.callers = callers;
        this.projects = projects;
    }

    @GetMapping("/branches")
    List<Branch> branches(Authentication authentication, @PathVariable String project) {
        checkMayRead(authentication, project);
        return reader.branches(project);
    }

    @GetMapping("/tags")
    List<Tag> tags(Authentication authentication, @PathVariable String project) {
        checkMayRead(authentication, project);
        return reader.tags(project);
    }

    @GetMapping("/commits")
    CommitPage commits(Authentication authentication, @PathVariable String project,
            @RequestParam(required = false) String ref, @RequestParam(defaultValue = "1") int page) {
        checkMayRead(authentication, project);
        return reader.commits(project, ref, page);
    }

    @GetMapping("/files/{*path}")
    @ApiResponse(responseCode = "200", description = "The file's bytes, as an attachment", content = {
        @Content(mediaType = "text/plain", schema = @Schema(type = "string")),
        @Content(mediaType = "application/octet-stream", schema = @Schema(type = "string", format = "binary"))})
    ResponseEntity<byte[]> file(Authentication authentication, @PathVariable String project,
            @PathVariable String path, @RequestParam(required = false) String ref) {
        checkMayRead(authentication, project);
        GitReader.RawFile file = reader.file(project, path, ref);
        String name = file.path().substring(file.path().lastIndexOf('/') + 1);
        return ResponseEntity.ok()
                .contentType(file.binary() ? MediaType.APPLICATION_OCTET_STREAM
                        : new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                // raw content is never rendered by a browser as a page of this site
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name,
                        StandardCharsets.UTF_8).build().toString())
                .body(file.content());
    }

    @GetMapping("/protected-branches")
    ProtectedBranches protectedBranches(Authentication authentication, @PathVariable String project) {
        checkMayRead(authentication, project);
        return protection.list(project);
    }

    private void checkMayRead(Authentication authentication, String project) {
        projects.clientReadable(callers.caller(authentication), project);
    }

    @PutMapping("/protected-branches")
    ProtectedBranches setProtectedBranches(Authentication authentication, @PathVariable String project,
            @RequestBody(required = false) ProtectedBranches request) {
        return protection.replace(callers.require(authentication), project,
                request == null ? null : request.branches(), request == null ? null : request.changesOnly());
    }
}
