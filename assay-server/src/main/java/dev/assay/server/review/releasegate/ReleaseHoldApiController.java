package dev.assay.server.review.releasegate;

import java.time.Instant;
import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import dev.assay.server.accounts.CallerResolver;
import dev.assay.server.index.Project;
import dev.assay.server.index.ProjectService;
import dev.assay.server.index.ReleaseLookup;
import dev.assay.server.review.releasehold.ReleaseHold;
import dev.assay.server.review.releasehold.ReleaseHoldState;
import dev.assay.server.review.releasehold.ReleaseHolds;

/**
 * {@code GET /api/v1/projects/<name>/<version>/hold}: whether the release is held for review, why and since when,
 * how each of its holds ended (released by whom, or automatically, and how), and the project's release gate;
 * readable as the release is.
 */
@RestController
class ReleaseHoldApiController {

    /** The answer: the release's hold state and the gate mode in force for its project. */
    record HoldAnswer(String project, String version, boolean held, List<String> reasons, Instant since,
            List<ReleaseHold> holds, String gate) {
    }

    private final ReleaseHolds holds;
    private final ReleaseGates gates;
    private final ProjectService projects;
    private final ReleaseLookup lookup;
    private final CallerResolver callers;

    ReleaseHoldApiController(ReleaseHolds holds, ReleaseGates gates, ProjectService projects, ReleaseLookup lookup,
            CallerResolver callers) {
        this.holds = holds;
        this.gates = gates;
        this.projects = projects;
        this.lookup = lookup;
        this.callers = callers;
    }

    @GetMapping("/api/v1/projects/{name}/{version}/hold")
    HoldAnswer hold(Authentication authentication, @PathVariable String name, @PathVariable String version) {
        Project project = projects.clientReadable(callers.caller(authentication), name);
        ReleaseHoldState state = holds.of(project, lookup.release(project, version));
        return new HoldAnswer(state.project(), state.version(), state.held(), state.reasons(), state.since(),
                state.holds(), gates.mode(project).key());
    }
}
