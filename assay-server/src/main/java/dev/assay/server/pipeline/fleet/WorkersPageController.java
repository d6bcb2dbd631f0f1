package dev.assay.server.pipeline.fleet;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.assay.server.accounts.CallerResolver;
import dev.assay.server.web.FormOutcomes;

/** {@code /admin/workers}: the page where administrators see the workers and drain, cancel or resume one. */
@Controller
@RequestMapping("/admin/workers")
class WorkersPageController {

    private static final String PAGE = "/admin/workers";

    private final WorkerAdministration administration;
    private final CallerResolver callers;

    WorkersPageController(WorkerAdministration administration, CallerResolver callers) {
        this.administration = administration;
        this.callers = callers;
    }

    @GetMapping
    String page(Authentication authentication, Model model) {
        model.addAttribute("workers", administration.list(callers.require(authentication)));
        return "pipeline/workers";
    }

    @PostMapping("/{id}/drain")
    String drain(Authentication authentication, @PathVariable long id, RedirectAttributes redirect) {
        return FormOutcomes.redirect(PAGE, redirect, () -> "Drained " + administration
                .drain(callers.require(authentication), id).name() + ": it gets no new jobs; its running jobs finish");
    }

    @PostMapping("/{id}/cancel")
    String cancel(Authentication authentication, @PathVariable long id, RedirectAttributes redirect) {
        return FormOutcomes.redirect(PAGE, redirect, () -> "Cancelled " + administration
                .cancel(callers.require(authentication), id).name()
                + ": it gets no new jobs; the jobs it ran went back to the queue");
    }

    @PostMapping("/{id}/resume")
    String resume(Authentication authentication, @PathVariable long id, RedirectAttributes redirect) {
        return FormOutcomes.redirect(PAGE, redirect, () -> "Resumed " + administration
                .resume(callers.require(authentication), id).name() + ": it gets jobs again");
    }
}
