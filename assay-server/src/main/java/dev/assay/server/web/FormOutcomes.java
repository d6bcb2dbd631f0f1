package dev.assay.server.web;

import java.util.function.Supplier;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.assay.server.error.AssayException;
import dev.assay.server.error.NotFoundException;

/**
 * What a page's form answers: the change is made and the browser sent back to the page with a notice saying what
 * happened, or — for a refusal the person can act on (400, 403, 409) — with the reason; a 404 stays a 404.
 */
public final class FormOutcomes {

    private FormOutcomes() {
    }

    /** Makes the change (its supplier returns the notice) and redirects to {@code page}. */
    public static String redirect(String page, RedirectAttributes redirect, Supplier<String> change) {
        try {
            redirect.addFlashAttribute("notice", change.get());
        } catch (NotFoundException missing) {
            throw missing;
        } catch (AssayException refused) {
            redirect.addFlashAttribute("problem", refused.getMessage());
        }
        return "redirect:" + page;
    }
}
