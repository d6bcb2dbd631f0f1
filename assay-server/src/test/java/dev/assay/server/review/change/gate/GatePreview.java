package dev.assay.server.review.change.gate;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

import dev.assay.server.accounts.Caller;
import dev.assay.server.accounts.CallerResolver;
import dev.assay.server.index.ProjectService;
import dev.assay.server.review.change.ChangePageSection;
import dev.assay.server.review.change.ChangeRequest;
import dev.assay.server.review.change.ChangeRequestRepository;

/**
 * {@code GET /test/change-sections/N}: the change request page's sections alone, rendered as that page includes
 * them, for the tests of the gate panel (registered as an extra bean by those tests only).
 */
public class GatePreview implements RouterFunction<ServerResponse> {

    /** A section's template and model, as the page passes them to the fragment. */
    public record Rendered(String template, Object model) {
    }

    private static final String PREFIX = "/test/change-sections/";

    private final List<ChangePageSection> sections;
    private final ChangeRequestRepository changes;
    private final ProjectService projects;
    private final CallerResolver callers;

    public GatePreview(List<ChangePageSection> sections, ChangeRequestRepository changes, ProjectService projects,
            CallerResolver callers) {
        this.sections = sections;
        this.changes = changes;
        this.projects = projects;
        this.callers = callers;
    }

    @Override
    public Optional<HandlerFunction<ServerResponse>> route(ServerRequest request) {
        if (!request.path().startsWith(PREFIX)) {
            return Optional.empty();
        }
        return Optional.of(this::render);
    }

    private ServerResponse render(ServerRequest request) {
        long number = Long.parseLong(request.path().substring(PREFIX.length()));
        Optional<Caller> caller = callers.caller(request.principal()
                .filter(Authentication.class::isInstance).map(Authentication.class::cast).orElse(null));
        ChangeRequest changeRequest = changes.find(number).orElseThrow();
        var project = projects.find(changeRequest.projectId()).orElseThrow();
        List<Rendered> rendered = sections.stream().sorted(Comparator.comparingInt(ChangePageSection::order))
                .map(section -> new Rendered(section.template(), section.model(caller, changeRequest, project)))
                .toList();
        return ServerResponse.ok().render("test/change-sections", Map.of("sections", rendered));
    }
}
