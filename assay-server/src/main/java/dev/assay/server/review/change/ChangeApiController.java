package dev.assay.server.review.change;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import dev.assay.server.accounts.Caller;
import dev.assay.server.accounts.CallerResolver;
import dev.assay.server.index.Project;
import dev.assay.server.index.ProjectService;

/**
 * {@code /api/v1/changes}: open a change request on a project, read one, edit it (title, description, closing,
 * reopening), list them with filters, and the diff of a revision or between two.
 */
@RestController
class ChangeApiController {

    /** The body of a new change request. */
    record OpenRequest(String title, String description, String source, String target) {
    }

    /** The body of an edit: any of title, description, state. */
    record EditRequest(String title, String description, String state) {
    }

    /** A list of change requests. */
    record ChangeList(String state, String filter, List<ChangeSummary> changes) {
    }

    private final ChangeRequests opener;
    private final ChangeRequestService changes;
    private final ChangeDiffs diffs;
    private final ProjectService projects;
    private final CallerResolver callers;

    ChangeApiController(ChangeRequests opener, ChangeRequestService changes, ChangeDiffs diffs,
            ProjectService projects, CallerResolver callers) {
        this.opener = opener;
        this.changes = changes;
        this.diffs = diffs;
        this.projects = projects;
        this.callers = callers;
    }

    @PostMapping("/api/v1/projects/{project}/changes")
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    ResponseEntity<ChangeView> open(Authentication authentication, @PathVariable("project") String name,
            @RequestBody(required = false) OpenRequest request) {
        Caller caller = callers.require(authentication);
        Project project = projects.readable(Optional.of(caller), name);
        OpenRequest given = request == null ? new OpenRequest(null, null, null, null) : request;
        ChangeRequest opened = opener.open(caller, project, ChangeRequests.Opening.fromBranch(given.title(),
                given.description(), given.source(), given.target()));
        return ResponseEntity.status(HttpStatus.CREATED).body(changes.view(Optional.of(caller), opened.number()));
    }

    @GetMapping("/api/v1/changes")
    @Parameter(name = "state", in = ParameterIn.QUERY, description = "open (the default), merged, closed or all",
            schema = @Schema(type = "string", allowableValues = {"open", "merged", "closed", "all"}))
    @Parameter(name = "project", in = ParameterIn.QUERY, description = "only this project's change requests",
            schema = @Schema(type = "string"))
    @Parameter(name = "filter", in = ParameterIn.QUERY, description = "mine or needs-my-review",
            schema = @Schema(type = "string", allowableValues = {"mine", "needs-my-review"}))
    ChangeList list(Authentication authentication, @Parameter(hidden = true) @RequestParam Map<String, String> query) {
        ChangeFilter filter = ChangeFilter.fromQuery(query);
        return new ChangeList(filter.stateKey(), filter.filterKey(),
                changes.list(callers.caller(authentication), filter));
    }

    @GetMapping("/api/v1/changes/{number}")
    ChangeView show(Authentication authentication, @PathVariable long number) {
        return changes.view(callers.caller(authentication), number);
    }

    @PatchMapping("/api/v1/changes/{number}")
    ChangeView edit(Authentication authentication, @PathVariable long number,
            @RequestBody(required = false) EditRequest request) {
        Caller caller = callers.require(authentication);
        EditRequest given = request == null ? new EditRequest(null, null, null) : request;
        changes.edit(caller, number, new ChangeRequestService.Edit(given.title(), given.description(), given.state()));
        return changes.view(Optional.of(caller), number);
    }

    @GetMapping("/api/v1/changes/{number}/diff")
    ChangeDiffs.DiffJson diff(Authentication authentication, @PathVariable long number,
            @RequestParam Optional<Integer> revision, @RequestParam Optional<Integer> against) {
        return ChangeDiffs.json(diffs.diff(callers.caller(authentication), number, revision, against));
    }
}
