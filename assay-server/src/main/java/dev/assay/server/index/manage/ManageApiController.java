package dev.assay.server.index.manage;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.responses.ApiResponse;

import dev.assay.server.accounts.CallerResolver;

/**
 * {@code /api/v1/projects/<project>/…}: yank, un-yank and delete releases and files, and manage roles, for
 * clients authenticating with HTTP Basic (a token or a password); the services decide who may.
 */
@RestController
@RequestMapping("/api/v1/projects/{project}")
class ManageApiController {

    /** The body of a yank: why the release should no longer be chosen (optional). */
    record YankRequest(String reason) {
    }

    /** The body of a role change. */
    record RoleRequest(String role) {
    }

    private final ReleaseManagementService releases;
    private final RoleManagementService roles;
    private final CallerResolver callers;

    ManageApiController(ReleaseManagementService releases, RoleManagementService roles, CallerResolver callers) {
        this.releases = releases;
        this.roles = roles;
        this.callers = callers;
    }

    @PostMapping("/releases/{version}/yank")
    ReleaseState yank(Authentication authentication, @PathVariable String project, @PathVariable String version,
            @RequestBody(required = false) YankRequest request) {
        return releases.yank(callers.require(authentication), project, version,
                request == null ? null : request.reason());
    }

    @DeleteMapping("/releases/{version}/yank")
    ReleaseState unyank(Authentication authentication, @PathVariable String project, @PathVariable String version) {
        return releases.unyank(callers.require(authentication), project, version);
    }

    @DeleteMapping("/releases/{version}")
    @ApiResponse(responseCode = "204", description = "Deleted: no content")
    ResponseEntity<Void> deleteRelease(Authentication authentication, @PathVariable String project,
            @PathVariable String version) {
        releases.deleteRelease(callers.require(authentication), project, version);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/files/{filename}")
    @ApiResponse(responseCode = "204", description = "Deleted: no content")
    ResponseEntity<Void> deleteFile(Authentication authentication, @PathVariable String project,
            @PathVariable String filename) {
        releases.deleteFile(callers.require(authentication), project, filename);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/roles")
    List<MemberRole> members(Authentication authentication, @PathVariable String project) {
        return roles.members(callers.require(authentication), project);
    }

    @GetMapping("/roles/{user}")
    MemberRole member(Authentication authentication, @PathVariable String project, @PathVariable String user) {
        return roles.member(callers.require(authentication), project, user);
    }

    @PutMapping("/roles/{user}")
    MemberRole setRole(Authentication authentication, @PathVariable String project, @PathVariable String user,
            @RequestBody(required = false) RoleRequest request) {
        return roles.setRole(callers.require(authentication), project, user, request == null ? null : request.role());
    }

    @DeleteMapping("/roles/{user}")
    @ApiResponse(responseCode = "204", description = "Deleted: no content")
    ResponseEntity<Void> removeRole(Authentication authentication, @PathVariable String project,
            @PathVariable String user) {
        roles.removeRole(callers.require(authentication), project, user);
        return ResponseEntity.noContent().build();
    }
}
