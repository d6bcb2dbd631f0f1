package dev.assay.server.review.change.pages;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

import dev.assay.server.accounts.Caller;
import dev.assay.server.accounts.CallerResolver;
import dev.assay.server.git.browse.diff.DiffViews;
import dev.assay.server.git.browse.diff.FileDiff;
import dev.assay.server.git.browse.diff.SplitRow;
import dev.assay.server.notify.WatchService;
import dev.assay.server.review.change.ChangeDiffs;
import dev.assay.server.review.change.ChangeFilter;
import dev.assay.server.review.change.ChangePageSection;
import dev.assay.server.review.change.ChangeRequest;
import dev.assay.server.review.change.ChangeRequestAccess;
import dev.assay.server.review.change.ChangeRequestService;
import dev.assay.server.review.change.Revision;
import dev.assay.server.review.thread.comment.CommentRenderer;
import dev.assay.server.review.thread.Conversation;
import dev.assay.server.review.thread.ThreadService;
import dev.assay.server.web.FormOutcomes;

/**
 * {@code /changes} (the list and its filters) and {@code /changes/N}: the header, the sections other features add,
 * the revisions, the diff of one revision against its merge base or another revision (unified or side by side,
 * comments on its lines), the conversation and the timeline; edits, closing and reopening as CSRF forms.
 */
@Controller
class ChangePageController {

    /** One file of the diff shown: its place on the page, its diff and its side-by-side rows. */
    public record DiffFile(int index, FileDiff file, List<SplitRow> rows) {
    }

    /** A section of the page: its template and its model. */
    public record SectionView(String template, Object model) {
    }

    private final ChangeRequestService changes;
    private final ChangeDiffs diffs;
    private final ChangeRequestAccess access;
    private final ThreadService threads;
    private final CommentRenderer renderer;
    private final WatchService watching;
    private final CallerResolver callers;
    private final ObjectProvider<ChangePageSection> sections;

    ChangePageController(ChangeRequestService changes, ChangeDiffs diffs, ChangeRequestAccess access,
            ThreadService threads, CommentRenderer renderer, WatchService watching, CallerResolver callers,
            ObjectProvider<ChangePageSection> sections) {
        this.changes = changes;
        this.diffs = diffs;
        this.access = access;
        this.threads = threads;
        this.renderer = renderer;
        this.watching = watching;
        this.callers = callers;
        this.sections = sections;
    }

    @GetMapping("/changes")
    String list(Authentication authentication, @RequestParam Map<String, String> query, Model model) {
        Optional<Caller> caller = callers.caller(authentication);
        ChangeFilter filter = ChangeFilter.fromQuery(query);
        model.addAttribute("changes", changes.list(caller, filter));
        model.addAttribute("filter", filter);
        model.addAttribute("project", filter.project().orElse(""));
        model.addAttribute("signedIn", caller.isPresent());
        return "review/change/changes";
    }

    @GetMapping("/changes/{number}")
    String page(Authentication authentication, @PathVariable long number, @RequestParam Optional<Integer> revision,
            @RequestParam Optional<Integer> against, @RequestParam(defaultValue = "unified") String view,
            Model model) {
        Optional<Caller> caller = callers.caller(authentication);
        ChangeRequestService.Located located = changes.readable(caller, number);
        ChangeRequest change = located.changeRequest();
        ChangeDiffs.RevisionDiff diff = diffs.diff(caller, number, revision, against);
        List<Revision> newestFirst = new ArrayList<>(changes.revisions(change));
        Collections.reverse(newestFirst);
        model.addAttribute("change", change);
        model.addAttribute("project", located.project());
        model.addAttribute("description", renderer.render(change.description()).html());
        model.addAttribute("revisions", newestFirst);
        model.addAttribute("diff", diff);
        List<FileDiff> files = diff.diff().files();
        model.addAttribute("files", IntStream.range(0, files.size())
                .mapToObj(index -> new DiffFile(index, files.get(index), SplitRow.of(files.get(index).lines()))).toList());
        model.addAttribute("split", "split".equals(view));
        Conversation conversation = threads.conversation(caller, number, Optional.of(diff.revision()));
        model.addAttribute("c", conversation);
        model.addAttribute("lineThreads", new DiffThreads(conversation));
        model.addAttribute("back", back(number, diff, view));
        model.addAttribute("unifiedUrl", back(number, diff, "unified"));
        model.addAttribute("splitUrl", back(number, diff, "split"));
        model.addAttribute("timeline", changes.timeline(change));
        model.addAttribute("mayChange", access.mayChange(caller, located.project(), change));
        model.addAttribute("signedIn", caller.isPresent());
        model.addAttribute("watching", watching.watchesDiscussion(caller, number));
        model.addAttribute("threadsPrefix", "changes");
        model.addAttribute("fetchUrl", ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/git/{name}.git").buildAndExpand(located.project().normalizedName()).toUriString());
        model.addAttribute("sections", sections.orderedStream()
                .sorted(Comparator.comparingInt(ChangePageSection::order))
                .map(section -> new SectionView(section.template(),
                        section.model(caller, change, located.project()))).toList());
        return "review/change/change";
    }

    @PostMapping("/changes/{number}/edit")
    String edit(Authentication authentication, @PathVariable long number,
            @RequestParam(required = false) String title, @RequestParam(required = false) String description,
            RedirectAttributes redirect) {
        Caller caller = callers.require(authentication);
        return FormOutcomes.redirect("/changes/" + number, redirect, () -> {
            changes.edit(caller, number, new ChangeRequestService.Edit(title, description, null));
            return "Change request #" + number + " is saved.";
        });
    }

    @PostMapping("/changes/{number}/{state:close|reopen}")
    String changeState(Authentication authentication, @PathVariable long number, @PathVariable String state,
            RedirectAttributes redirect) {
        Caller caller = callers.require(authentication);
        String wanted = state.equals("close") ? "closed" : "open";
        return FormOutcomes.redirect("/changes/" + number, redirect, () -> {
            changes.edit(caller, number, new ChangeRequestService.Edit(null, null, wanted));
            return "Change request #" + number + " is " + wanted + ".";
        });
    }

    private static String back(long number, ChangeDiffs.RevisionDiff diff, String view) {
        DiffViews.isSplit(view);
        UriComponentsBuilder back = UriComponentsBuilder.fromPath("/changes/" + number)
                .queryParam("revision", diff.revision());
        if (diff.against() != null) {
            back.queryParam("against", diff.against());
        }
        return back.queryParam("view", view).build().toUriString();
    }
}
