package dev.assay.server.review.change.gate;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.assay.server.accounts.CallerResolver;
import dev.assay.server.review.change.ChangeRequest;

/**
 * {@code GET /api/v1/changes/N/gate} (the request against its target's gate) and {@code POST
 * /api/v1/changes/N/merge {"method": "merge" | "squash" | "fast-forward"}}.
 */
@RestController
@RequestMapping("/api/v1/changes/{number}")
class MergeApiController {

    /** The body of a merge; no method: the gate's default. */
    record MergeRequest(String method) {
    }

    /** The gate as sent: whether it may merge, each condition, the allowed methods. */
    record GateView(long number, boolean mergeable, List<GateCondition> conditions,
            List<String> methods) {
    }

    /** The merged change request, in the fields of the change request JSON it shares. */
    record MergedView(long number, String project, String title, String source, String target, String state,
            String url, String mergedCommit) {
    }

    private final Merges merges;
    private final CallerResolver callers;

    MergeApiController(Merges merges, CallerResolver callers) {
        this.merges = merges;
        this.callers = callers;
    }

    @GetMapping("/gate")
    GateView gate(Authentication authentication, @PathVariable long number) {
        GateEvaluation evaluation = merges.gate(callers.caller(authentication), number);
        return new GateView(number, evaluation.mergeable(), evaluation.conditions(), evaluation.methods());
    }

    @PostMapping("/merge")
    MergedView merge(Authentication authentication, @PathVariable long number,
            @RequestBody(required = false) MergeRequest request) {
        ChangeRequest merged = merges.merge(callers.require(authentication), number,
                request == null ? null : request.method());
        return new MergedView(merged.number(), merged.projectName(), merged.title(), merged.sourceBranch().orElse(null),
                merged.targetBranch(), merged.state().key(), merged.path(), merged.mergedCommit().orElse(null));
    }
}
