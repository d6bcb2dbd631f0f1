package dev.assay.server.review.packagereview.checklist;

import java.util.function.Supplier;

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

/** {@code /admin/review-checklist}: administrators add, remove and reorder the manual checklist items (CSRF forms). */
@Controller
@RequestMapping("/admin/review-checklist")
class ChecklistAdminController {

    private final ChecklistService checklist;
    private final CallerResolver callers;

    ChecklistAdminController(ChecklistService checklist, CallerResolver callers) {
        this.checklist = checklist;
        this.callers = callers;
    }

    @GetMapping
    String page(Model model) {
        model.addAttribute("items", checklist.items());
        return "review/packagereview/checklist-admin";
    }

    @PostMapping
    String add(Authentication authentication, @RequestParam(required = false) String section,
            @RequestParam(required = false) String text, RedirectAttributes redirect) {
        return change(redirect, () -> checklist.add(callers.require(authentication), section, text), "Item added.");
    }

    @PostMapping("/{id}/remove")
    String remove(Authentication authentication, @PathVariable long id, RedirectAttributes redirect) {
        return change(redirect, () -> checklist.remove(callers.require(authentication), id), "Item removed.");
    }

    @PostMapping("/{id}/move")
    String move(Authentication authentication, @PathVariable long id, @RequestParam(required = false) String direction,
            RedirectAttributes redirect) {
        return change(redirect, () -> checklist.move(callers.require(authentication), id, direction), "Item moved.");
    }

    private static String change(RedirectAttributes redirect, Supplier<?> change, String done) {
        try {
            change.get();
            redirect.addFlashAttribute("notice", done);
        } catch (InvalidInputException | NotFoundException invalid) {
            redirect.addFlashAttribute("problem", invalid.getMessage());
        }
        return "redirect:/admin/review-checklist";
    }
}
