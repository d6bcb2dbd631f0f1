package dev.assay.server.review.thread.tracker;

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

/** {@code /api/v1/admin/tracker-patterns}: the issue-tracker patterns comments link; administrators change them. */
@RestController
@RequestMapping("/api/v1/admin/tracker-patterns")
class TrackerPatternApiController {

    /** The body of a new pattern. */
    record PatternRequest(String pattern, String url) {
    }

    private final TrackerPatterns patterns;
    private final CallerResolver callers;

    TrackerPatternApiController(TrackerPatterns patterns, CallerResolver callers) {
        this.patterns = patterns;
        this.callers = callers;
    }

    @GetMapping
    List<TrackerPattern> list(Authentication authentication) {
        callers.require(authentication);
        return patterns.all();
    }

    @PostMapping
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    ResponseEntity<TrackerPattern> add(Authentication authentication,
            @RequestBody(required = false) PatternRequest request) {
        TrackerPattern added = patterns.add(callers.require(authentication), request == null ? null : request.pattern(),
                request == null ? null : request.url());
        return ResponseEntity.status(HttpStatus.CREATED).body(added);
    }

    @DeleteMapping("/{id}")
    @ApiResponse(responseCode = "204", description = "Deleted: no content")
    ResponseEntity<Void> remove(Authentication authentication, @PathVariable long id) {
        patterns.remove(callers.require(authentication), id);
        return ResponseEntity.noContent().build();
    }
}
