package dev.assay.server.review.change.gate;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.assay.server.accounts.CallerResolver;

/**
 * {@code /api/v1/projects/P/merge-gates/BRANCH} (the branch may hold slashes): {@code GET} for whoever may read
 * the project, {@code PUT {requiredApprovals, requireResolved, requireGreen, methods, keepVotes}} for its owners.
 */
@RestController
@RequestMapping("/api/v1/projects/{project}/merge-gates")
class MergeGateApiController {

    /** A gate as sent and received. */
    record GateView(String branch, int requiredApprovals, boolean requireResolved, boolean requireGreen,
            java.util.List<String> methods, boolean keepVotes) {

        static GateView of(MergeGate gate) {
            return new GateView(gate.branch(), gate.requiredApprovals(), gate.requireResolved(), gate.requireGreen(),
                    gate.methods().stream().map(MergeMethod::key).toList(), gate.keepVotes());
        }
    }

    private final MergeGates gates;
    private final CallerResolver callers;

    MergeGateApiController(MergeGates gates, CallerResolver callers) {
        this.gates = gates;
        this.callers = callers;
    }

    @GetMapping("/{*branch}")
    GateView get(Authentication authentication, @PathVariable String project, @PathVariable String branch) {
        return GateView.of(gates.get(callers.caller(authentication), project, trimmed(branch)));
    }

    @PutMapping("/{*branch}")
    GateView put(Authentication authentication, @PathVariable String project, @PathVariable String branch,
            @RequestBody(required = false) MergeGates.GateChange change) {
        return GateView.of(gates.put(callers.require(authentication), project, trimmed(branch), change));
    }

    private static String trimmed(String branch) {
        return branch.startsWith("/") ? branch.substring(1) : branch;
    }
}
