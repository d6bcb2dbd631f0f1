package dev.assay.server.upstream.admin;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.responses.ApiResponse;

import dev.assay.server.accounts.CallerResolver;
import dev.assay.server.upstream.admin.UpstreamViews.UpstreamView;
import dev.assay.server.upstream.config.NewUpstream;
import dev.assay.server.upstream.config.UpstreamChange;
import dev.assay.server.upstream.config.Upstreams;

/** {@code /api/v1/admin/upstreams}: the upstream indexes, for administrators signed in with a password. */
@RestController
@RequestMapping("/api/v1/admin/upstreams")
class UpstreamApiController {

    private final Upstreams upstreams;
    private final CallerResolver callers;

    UpstreamApiController(Upstreams upstreams, CallerResolver callers) {
        this.upstreams = upstreams;
        this.callers = callers;
    }

    @GetMapping
    List<UpstreamView> list(Authentication authentication) {
        return upstreams.list(callers.require(authentication)).stream().map(UpstreamView::of).toList();
    }

    @PostMapping
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    ResponseEntity<UpstreamView> add(Authentication authentication,
            @RequestBody(required = false) NewUpstream request) {
        UpstreamView added = UpstreamView.of(upstreams.add(callers.require(authentication), request));
        return ResponseEntity.status(HttpStatus.CREATED).body(added);
    }

    @PatchMapping("/{id}")
    UpstreamView change(Authentication authentication, @PathVariable long id,
            @RequestBody(required = false) UpstreamChange change) {
        return UpstreamView.of(upstreams.change(callers.require(authentication), id, change));
    }

    @DeleteMapping("/{id}")
    @ApiResponse(responseCode = "204", description = "Deleted: no content")
    ResponseEntity<Void> remove(Authentication authentication, @PathVariable long id) {
        upstreams.remove(callers.require(authentication), id);
        return ResponseEntity.noContent().build();
    }
}
