package dev.assay.server.review.change.edit;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

import dev.assay.server.accounts.Caller;
import dev.assay.server.accounts.CallerResolver;
import dev.assay.server.git.browse.SourceLinks;
import dev.assay.server.review.change.ChangeRequest;
import dev.assay.server.review.change.edit.BrowserEdits.Mode;

/**
 * {@code /project/{name}/source/(edit|new|delete)/<branch>/<path>}: the forms that edit, add or delete a file in
 * the browser; saving opens a change request and shows it. Anonymous visitors are sent to the login page.
 */
@Controller
@RequestMapping("/project/{name}/source")
class EditPageController {

    private final BrowserEdits edits;
    private final CallerResolver callers;

    EditPageController(BrowserEdits edits, CallerResolver callers) {
        this.edits = edits;
        this.callers = callers;
    }

    @GetMapping("/{mode:edit|new|delete}/{*refAndPath}")
    String form(Authentication authentication, @PathVariable String name, @PathVariable String mode,
            @PathVariable String refAndPath, Model model) {
        return form(authentication, name, refAndPath, mode(mode), model);
    }

    @PostMapping("/{mode:edit|new|delete}/{*refAndPath}")
    String save(Authentication authentication, @PathVariable String name, @PathVariable String mode,
            @PathVariable String refAndPath, Form form) {
        return save(authentication, name, refAndPath, mode(mode), form);
    }

    /** The fields the form posts. */
    record Form(String commit, String path, String text, String summary, String description) {
    }

    private String form(Authentication authentication, String name, String refAndPath, Mode mode, Model model) {
        Optional<Caller> caller = callers.caller(authentication);
        if (caller.isEmpty()) {
            return "redirect:/login";
        }
        BrowserEdits.Form form = edits.form(caller.get(), name, segments(refAndPath), mode);
        model.addAttribute("form", form);
        model.addAttribute("project", form.project());
        model.addAttribute("links", new SourceLinks(form.project().normalizedName()));
        return "git/edit";
    }

    private String save(Authentication authentication, String name, String refAndPath, Mode mode, Form form) {
        Optional<Caller> caller = callers.caller(authentication);
        if (caller.isEmpty()) {
            return "redirect:/login";
        }
        ChangeRequest opened = edits.save(caller.get(), name, segments(refAndPath), mode,
                new BrowserEdits.Submission(form.commit(), form.path(), form.text(), form.summary(),
                        form.description()));
        return "redirect:" + opened.path();
    }

    private static Mode mode(String segment) {
        return Mode.valueOf(segment.toUpperCase(Locale.ROOT));
    }

    private static List<String> segments(String capturedPath) {
        return Arrays.stream(capturedPath.split("/")).filter(segment -> !segment.isEmpty()).toList();
    }
}
