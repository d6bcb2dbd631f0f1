package dev.assay.server.index.releasediff;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import dev.assay.server.accounts.Caller;
import dev.assay.server.accounts.CallerResolver;
import dev.assay.server.index.contents.ContentsLinks;
import dev.assay.server.review.change.pages.DiffThreads;
import dev.assay.server.review.thread.Conversation;
import dev.assay.server.review.thread.ThreadService;

/**
 * {@code /diffs/N}: a release's diff against the previous release with its inline threads, and
 * {@code /project/<name>/<version>/diff}, which leads there (or shows the diff alone for a release without one).
 */
@Controller
class ReleaseDiffPageController {

    private final ReleaseDiffs diffs;
    private final ThreadService threads;
    private final CallerResolver callers;

    ReleaseDiffPageController(ReleaseDiffs diffs, ThreadService threads, CallerResolver callers) {
        this.diffs = diffs;
        this.threads = threads;
        this.callers = callers;
    }

    @GetMapping("/diffs/{number}")
    String page(Authentication authentication, @PathVariable long number, Model model) {
        Optional<Caller> caller = callers.caller(authentication);
        ReleaseDiff diff = diffs.ofDiscussion(caller, number);
        Conversation conversation = threads.conversation(caller, number, Optional.empty());
        model.addAttribute("c", conversation);
        model.addAttribute("lineThreads", new DiffThreads(conversation));
        model.addAttribute("back", "/diffs/" + number);
        return show(diff, model);
    }

    @GetMapping({"/project/{name}/{version}/diff", "/project/{name}/{version}/diff/"})
    String release(Authentication authentication, @PathVariable String name, @PathVariable String version,
            Model model) {
        ReleaseDiff diff = diffs.of(callers.caller(authentication), name, version);
        if (diff.discussion().isPresent()) {
            return "redirect:/diffs/" + diff.discussion().get();
        }
        model.addAttribute("c", null);
        return show(diff, model);
    }

    private static String show(ReleaseDiff diff, Model model) {
        model.addAttribute("d", diff);
        model.addAttribute("threadsPrefix", "diffs");
        model.addAttribute("newLinks", new ContentsLinks(diff.project().normalizedName(), diff.release().version()));
        diff.previous().ifPresent(previous -> model.addAttribute("oldLinks",
                new ContentsLinks(diff.project().normalizedName(), previous.version())));
        return "index/releasediff/diff";
    }
}
