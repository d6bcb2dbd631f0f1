package dev.assay.server.notify;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.assay.server.accounts.Caller;
import dev.assay.server.accounts.CallerResolver;

/** The inbox page and what the signed-in person watches, with the forms that change them. */
@Controller
class InboxPageController {

    private final InboxService inbox;
    private final WatchService watching;
    private final CallerResolver callers;

    InboxPageController(InboxService inbox, WatchService watching, CallerResolver callers) {
        this.inbox = inbox;
        this.watching = watching;
        this.callers = callers;
    }

    @GetMapping("/notifications")
    String inbox(Authentication authentication, Model model) {
        Caller caller = callers.require(authentication);
        model.addAttribute("notifications", inbox.inbox(caller));
        model.addAttribute("watched", watching.watchedBy(caller));
        return "notify/inbox";
    }

    @PostMapping("/notifications/{id}/read")
    String markRead(Authentication authentication, @PathVariable long id) {
        inbox.markRead(callers.require(authentication), id);
        return "redirect:/notifications";
    }

    @PostMapping("/notifications/read-all")
    String markAllRead(Authentication authentication, RedirectAttributes redirect) {
        int marked = inbox.markAllRead(callers.require(authentication));
        redirect.addFlashAttribute("notice", marked + " marked read.");
        return "redirect:/notifications";
    }

    @PostMapping("/watching/projects/{name}")
    String watchProject(Authentication authentication, @PathVariable String name,
            @RequestParam(defaultValue = "true") boolean watch, RedirectAttributes redirect) {
        watching.watchProject(callers.require(authentication), name, watch);
        redirect.addFlashAttribute("notice", (watch ? "You watch " : "You no longer watch ") + name + ".");
        return "redirect:/notifications";
    }

    @PostMapping("/watching/discussions/{number}")
    String watchDiscussion(Authentication authentication, @PathVariable long number,
            @RequestParam(defaultValue = "true") boolean watch, RedirectAttributes redirect) {
        watching.watchDiscussion(callers.require(authentication), number, watch);
        redirect.addFlashAttribute("notice", (watch ? "You watch #" : "You no longer watch #") + number + ".");
        return "redirect:/notifications";
    }
}
