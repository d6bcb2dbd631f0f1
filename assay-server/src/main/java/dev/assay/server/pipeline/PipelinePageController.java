package dev.assay.server.pipeline;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The pipeline page and the project's status badge. */
@Controller
class PipelinePageController {

    private final PipelineService pipelines;

    PipelinePageController(PipelineService pipelines) {
        this.pipelines = pipelines;
    }

    @GetMapping("/pipelines/{id}")
    String pipeline(@PathVariable long id, Model model) {
        model.addAttribute("detail", pipelines.detail(id));
        return "pipeline/pipeline";
    }

    @GetMapping("/project/{project}/badge.svg")
    ResponseEntity<String> badge(@PathVariable String project) {
        String status = pipelines.badgeStatus(project).orElse("none");
        return ResponseEntity.ok().header("Content-Type", "image/svg+xml;charset=utf-8")
                .cacheControl(CacheControl.noCache()).body(StatusBadge.svg("tests", status));
    }
}
