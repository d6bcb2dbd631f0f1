package dev.assay.server.review.change.gate;

import java.util.List;
import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.assay.server.accounts.Caller;
import dev.assay.server.accounts.CallerResolver;
import dev.assay.server.review.change.ChangeRequest;
import dev.assay.server.review.change.ChangeRequestService;
import dev.assay.server.review.change.ChangeView;

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
    @Schema(name = "ChangeGate") // not the branch's GateView of MergeGateApiController
    record GateView(long number, boolean mergeable, List<GateCondition> conditions,
            List<String> methods) {
    }

    private final Merges merges;
    private final ChangeRequestService changes;
    private final CallerResolver callers;

    MergeApiController(Merges merges, ChangeRequestService changes, CallerResolver callers) {
        this.merges = merges;
        this.changes = changes;
        this.callers = callers;
    }

    @GetMapping("/gate")
    GateView gate(Authentication authentication, @PathVariable long number) {
        GateEvaluation evaluation = merges.gate(callers.caller(authentication), number);
        return new GateView(number, evaluation.mergeable(), evaluation.conditions(), evaluation.methods());
    }

    @PostMapping("/merge")
    ChangeView merge(Authentication authentication, @PathVariable long number,
            @RequestBody(required = false) MergeRequest request) {
        Caller caller = callers.require(authentication);
        ChangeRequest merged = merges.merge(caller, number, request == null ? null : request.method());
        return changes.view(Optional.of(caller), merged.number());
    }
}
