package dev.assay.server.pipeline.pages;

import java.util.List;

import org.springframework.web.util.UriComponentsBuilder;

import dev.assay.server.index.Project;

/**
 * One page of a project's pipelines, newest first, with the filters that chose them (null when not filtered).
 *
 * @param page counted from 1
 */
public record ProjectPipelinesPage(Project project, List<PipelineSummary> pipelines, int page, boolean hasNext,
        String status, String trigger) {

    /** Whether there are newer pipelines on an earlier page. */
    public boolean hasPrevious() {
        return page > 1;
    }

    /** The statuses the list can be filtered by. */
    public List<String> statuses() {
        return ProjectPipelines.STATUSES;
    }

    /** The triggers the list can be filtered by. */
    public List<String> triggers() {
        return ProjectPipelines.TRIGGERS;
    }

    /** The address of another page of this list, with the same filters (and no empty ones). */
    public String pageLink(int number) {
        UriComponentsBuilder link = UriComponentsBuilder.fromPath("/project/{name}/pipelines")
                .queryParam("page", number);
        if (status != null) {
            link.queryParam("status", status);
        }
        if (trigger != null) {
            link.queryParam("trigger", trigger);
        }
        return link.buildAndExpand(project.normalizedName()).encode().toUriString();
    }
}
