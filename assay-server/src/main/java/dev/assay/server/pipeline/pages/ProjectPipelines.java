package dev.assay.server.pipeline.pages;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;

import dev.assay.server.accounts.Caller;
import dev.assay.server.error.InvalidInputException;
import dev.assay.server.index.Project;
import dev.assay.server.index.ProjectService;
import dev.assay.server.pipeline.FindingView;
import dev.assay.server.pipeline.PipelineView;
import dev.assay.server.pipeline.Trigger;
import dev.assay.server.pipeline.queue.PipelineRepository;
import dev.assay.server.pipeline.queue.PipelineService;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * All pipelines of a project, of uploads, re-runs and pushes, newest first and a page at a time, optionally of
 * one status or trigger; for whoever may read the project.
 */
@Service
public class ProjectPipelines {

    static final int PAGE_SIZE = 25;
    /** The statuses a pipeline may have, in the order it goes through them; the filters offer these. */
    static final List<String> STATUSES = List.of("queued", "running", "passed", "failed", "error");
    /** The triggers, as stored. */
    static final List<String> TRIGGERS = Arrays.stream(Trigger.values()).map(Trigger::key).toList();
    private static final Set<String> SEVERE = Set.of("error", "critical");
    private static final TypeReference<List<FindingView>> FINDINGS = new TypeReference<>() { };

    private final PipelineRepository pipelines;
    private final PipelineService views;
    private final ProjectService projects;
    private final JsonMapper json;

    ProjectPipelines(PipelineRepository pipelines, PipelineService views, ProjectService projects, JsonMapper json) {
        this.pipelines = pipelines;
        this.views = views;
        this.projects = projects;
        this.json = json;
    }

    /** A page of the project's pipelines for its web page (a private project is not found for outsiders). */
    public ProjectPipelinesPage page(Optional<Caller> caller, String projectName, int page,
            Optional<String> statusFilter, Optional<String> triggerFilter) {
        Project project = projects.readable(caller, projectName);
        Optional<String> status = given(statusFilter);
        Optional<String> trigger = given(triggerFilter);
        List<PipelineRepository.PipelineRow> rows = rows(project, page, status, trigger);
        boolean hasNext = rows.size() > PAGE_SIZE;
        List<PipelineRepository.PipelineRow> shown = hasNext ? rows.subList(0, PAGE_SIZE) : rows;
        Map<Long, Integer> severe = severeFindings(shown);
        List<PipelineSummary> summaries = shown.stream().map(row -> new PipelineSummary(row.id(), row.project(),
                row.version(), row.filename(), row.gitCommit(), row.gitRef(), row.trigger(), row.status(),
                row.requestedBy(), row.createdAt(), row.durationMs(), severe.getOrDefault(row.id(), 0),
                views.retestOf(row).orElse(null))).toList();
        return new ProjectPipelinesPage(project, summaries, page, hasNext, status.orElse(null), trigger.orElse(null));
    }

    /** A page of the project's pipelines as the API shows each (installers' and API clients' visibility rule). */
    public List<PipelineView> list(Optional<Caller> caller, String projectName, int page, Optional<String> status,
            Optional<String> trigger) {
        Project project = projects.clientReadable(caller, projectName);
        return rows(project, page, given(status), given(trigger)).stream().limit(PAGE_SIZE).map(row -> views.view(row.id()))
                .toList();
    }

    /** The filters as given: an empty one (a form's "any", a link's parameter without value) is no filter. */
    private static Optional<String> given(Optional<String> filter) {
        return filter.map(String::strip).filter(value -> !value.isEmpty());
    }

    /** One more row than a page holds, which tells whether there is a next page. */
    private List<PipelineRepository.PipelineRow> rows(Project project, int page, Optional<String> status,
            Optional<String> trigger) {
        if (page < 1) {
            throw new InvalidInputException("page " + page + " does not exist: pages are counted from 1");
        }
        status.filter(given -> !STATUSES.contains(given)).ifPresent(given -> {
            throw new InvalidInputException("'" + given + "' is not a pipeline status: use one of "
                    + String.join(", ", STATUSES));
        });
        trigger.filter(given -> !TRIGGERS.contains(given)).ifPresent(given -> {
            throw new InvalidInputException("'" + given + "' is not a pipeline trigger: use one of "
                    + String.join(", ", TRIGGERS));
        });
        return pipelines.listForProject(project.id(), status, trigger, PAGE_SIZE + 1, (long) (page - 1) * PAGE_SIZE);
    }

    private Map<Long, Integer> severeFindings(List<PipelineRepository.PipelineRow> rows) {
        Map<Long, Integer> counts = new HashMap<>();
        for (PipelineRepository.PipelineFindings task : pipelines.severeFindingsOf(
                rows.stream().map(PipelineRepository.PipelineRow::id).toList())) {
            long severe = json.readValue(task.findingsJson(), FINDINGS).stream()
                    .filter(finding -> SEVERE.contains(finding.severity())).count();
            counts.merge(task.pipelineId(), (int) severe, Integer::sum);
        }
        return counts;
    }
}
