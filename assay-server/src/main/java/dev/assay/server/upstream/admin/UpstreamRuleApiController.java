package dev.assay.server.upstream.admin;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.responses.ApiResponse;

import dev.assay.server.accounts.CallerResolver;
import dev.assay.server.upstream.admin.UpstreamViews.RuleView;
import dev.assay.server.upstream.rules.NameRules;

/** {@code /api/v1/admin/upstream-rules}: which names may come from upstream, for administrators. */
@RestController
@RequestMapping("/api/v1/admin/upstream-rules")
class UpstreamRuleApiController {

    /** A rule to add: a pattern ({@code *} for any run of characters), allow or deny, and why. */
    record RuleRequest(String pattern, String action, String reason) {
    }

    private final NameRules rules;
    private final CallerResolver callers;

    UpstreamRuleApiController(NameRules rules, CallerResolver callers) {
        this.rules = rules;
        this.callers = callers;
    }

    @GetMapping
    List<RuleView> list(Authentication authentication) {
        return rules.list(callers.require(authentication)).stream().map(RuleView::of).toList();
    }

    @PostMapping
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    ResponseEntity<RuleView> add(Authentication authentication, @RequestBody(required = false) RuleRequest request) {
        RuleRequest given = request == null ? new RuleRequest(null, null, null) : request;
        RuleView added = RuleView.of(rules.add(callers.require(authentication), given.pattern(), given.action(),
                given.reason()));
        return ResponseEntity.status(HttpStatus.CREATED).body(added);
    }

    @DeleteMapping("/{id}")
    @ApiResponse(responseCode = "204", description = "Deleted: no content")
    ResponseEntity<Void> remove(Authentication authentication, @PathVariable long id) {
        rules.remove(callers.require(authentication), id);
        return ResponseEntity.noContent().build();
    }
}
