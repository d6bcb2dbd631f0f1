package dev.assay.server.review.thread.tracker;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.assay.server.accounts.CallerResolver;
import dev.assay.server.error.InvalidInputException;
import dev.assay.server.error.NotFoundException;

/** {@code /admin/tracker-patterns}: the page where administrators add and remove issue-tracker patterns. */
@Controller
@RequestMapping("/admin/tracker-patterns")
class TrackerPatternPageController {

    private final TrackerPatterns patterns;
    private final CallerResolver callers;

    TrackerPatternPageController(TrackerPatterns patterns, CallerResolver callers) {
        this.patterns = patterns;
        this.callers = callers;
    }

    @GetMapping
    String page(Model model) {
        model.addAttribute("patterns", patterns.all());
        model.addAttribute("maxPatternLength", TrackerPatterns.MAX_PATTERN_LENGTH);
        model.addAttribute("maxTemplateLength", TrackerPatterns.MAX_TEMPLATE_LENGTH);
        return "review/thread/tracker-patterns";
    }

    @PostMapping
    String add(Authentication authentication, @RequestParam(defaultValue = "") String pattern,
            @RequestParam(defaultValue = "") String url, RedirectAttributes redirect) {
        try {
            TrackerPattern added = patterns.add(callers.require(authentication), pattern, url);
            redirect.addFlashAttribute("notice", "Added: " + added.pattern() + " now links to " + added.urlTemplate());
        } catch (InvalidInputException refused) {
            redirect.addFlashAttribute("problem", refused.getMessage());
            redirect.addFlashAttribute("pattern", pattern);
            redirect.addFlashAttribute("url", url);
        }
        return "redirect:/admin/tracker-patterns";
    }

    @PostMapping("/{id}/delete")
    String remove(Authentication authentication, @PathVariable long id, RedirectAttributes redirect) {
        try {
            patterns.remove(callers.require(authentication), id);
            redirect.addFlashAttribute("notice", "The pattern was removed.");
        } catch (NotFoundException gone) {
            redirect.addFlashAttribute("problem", gone.getMessage());
        }
        return "redirect:/admin/tracker-patterns";
    }
}
