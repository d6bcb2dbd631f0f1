package dev.assay.server.index.create;

import java.net.URI;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.responses.ApiResponse;

import dev.assay.server.accounts.CallerResolver;

/** {@code POST /api/v1/projects}: creates an empty project owned by the caller; 409 when the name is taken. */
@RestController
class CreateProjectApiController {

    /** The body: the project's name as it should be displayed. */
    record CreateRequest(String name) {
    }

    private final ProjectCreation creation;
    private final CallerResolver callers;

    CreateProjectApiController(ProjectCreation creation, CallerResolver callers) {
        this.creation = creation;
        this.callers = callers;
    }

    @PostMapping("/api/v1/projects")
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "The name, or one that normalises to it, is taken")
    ResponseEntity<NewProject> create(Authentication authentication, @RequestBody(required = false) CreateRequest request) {
        NewProject created = creation.create(callers.require(authentication), request == null ? null : request.name());
        return ResponseEntity.created(URI.create("/api/v1/projects/" + created.normalizedName() + "/branches"))
                .body(created);
    }
}
