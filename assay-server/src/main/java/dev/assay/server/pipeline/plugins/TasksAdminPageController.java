package dev.assay.server.pipeline.plugins;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.assay.server.accounts.CallerResolver;

/** The administrator's page of the pipeline's tasks: the list, the switches, and what could not be installed. */
@Controller
class TasksAdminPageController {

    private final TaskSwitches switches;
    private final CallerResolver callers;

    TasksAdminPageController(TaskSwitches switches, CallerResolver callers) {
        this.switches = switches;
        this.callers = callers;
    }

    @GetMapping("/admin/tasks")
    String page(Authentication authentication, Model model) {
        model.addAttribute("list", switches.list(callers.require(authentication)));
        return "pipeline/admin-tasks";
    }

    @PostMapping("/admin/tasks/{name}")
    String change(Authentication authentication, @PathVariable String name, @RequestParam boolean enabled,
            RedirectAttributes redirect) {
        TaskView task = switches.change(callers.require(authentication), name, enabled);
        redirect.addFlashAttribute("notice", "Task " + task.name() + " is " + (task.enabled() ? "enabled" : "disabled")
                + " from the next job on.");
        return "redirect:/admin/tasks";
    }
}
