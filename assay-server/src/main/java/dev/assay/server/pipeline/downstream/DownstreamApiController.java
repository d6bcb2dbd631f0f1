package dev.assay.server.pipeline.downstream;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import dev.assay.server.accounts.CallerResolver;

/** {@code GET /api/v1/projects/NAME/VERSION/downstream}: a release's downstream re-tests and their outcomes. */
@RestController
class DownstreamApiController {

    private final DownstreamReports reports;
    private final CallerResolver callers;

    DownstreamApiController(DownstreamReports reports, CallerResolver callers) {
        this.reports = reports;
        this.callers = callers;
    }

    @GetMapping("/api/v1/projects/{name}/{version}/downstream")
    DownstreamReport downstream(@PathVariable String name, @PathVariable String version, Authentication auth) {
        return reports.report(callers.caller(auth), name, version);
    }
}
