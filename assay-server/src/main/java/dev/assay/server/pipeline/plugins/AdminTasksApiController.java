package dev.assay.server.pipeline.plugins;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.assay.server.accounts.CallerResolver;

/** The admin API of the pipeline's tasks, which {@code assay plugins … --server URL} calls. */
@RestController
class AdminTasksApiController {

    private final TaskSwitches switches;
    private final CallerResolver callers;

    AdminTasksApiController(TaskSwitches switches, CallerResolver callers) {
        this.switches = switches;
        this.callers = callers;
    }

    @GetMapping("/api/v1/admin/tasks")
    TaskList tasks(Authentication authentication) {
        return switches.list(callers.require(authentication));
    }

    @PostMapping("/api/v1/admin/tasks/{name}/enable")
    TaskView enable(Authentication authentication, @PathVariable String name) {
        return switches.change(callers.require(authentication), name, true);
    }

    @PostMapping("/api/v1/admin/tasks/{name}/disable")
    TaskView disable(Authentication authentication, @PathVariable String name) {
        return switches.change(callers.require(authentication), name, false);
    }
}
