package dev.assay.server.review.packagereview.checklist;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.assay.server.accounts.Caller;
import dev.assay.server.error.ForbiddenException;
import dev.assay.server.error.InvalidInputException;
import dev.assay.server.error.NotFoundException;
import dev.assay.server.review.packagereview.PackageReview;
import dev.assay.server.review.packagereview.PackageReviewService;
import dev.assay.server.review.packagereview.ReviewAction;

/**
 * The manual checklist: administrators add, remove and reorder its items (sections MUST and SHOULD); the
 * reviewers of a review tick each item pass, fail or not applicable, with an optional comment.
 */
@Service
public class ChecklistService {

    private static final int MAX_TEXT = 500;
    private static final int MAX_COMMENT = 2000;
    private static final List<String> SECTIONS = List.of("MUST", "SHOULD");
    private static final List<String> VERDICTS = List.of("pass", "fail", "not-applicable");

    private final ChecklistRepository checklist;
    private final PackageReviewService reviews;
    private final Clock clock;

    ChecklistService(ChecklistRepository checklist, PackageReviewService reviews, Clock clock) {
        this.checklist = checklist;
        this.reviews = reviews;
        this.clock = clock;
    }

    /** Every item, MUST first, in their order. */
    @Transactional(readOnly = true)
    public List<ChecklistItem> items() {
        return checklist.items();
    }

    /** Adds an item at the end of its section; administrators only. */
    @Transactional
    public List<ChecklistItem> add(Caller caller, String section, String text) {
        checkAdmin(caller);
        String wanted = section == null ? "" : section.strip().toUpperCase(Locale.ROOT);
        if (!SECTIONS.contains(wanted)) {
            throw new InvalidInputException("'" + section + "' is not a checklist section; use MUST or SHOULD");
        }
        String given = text == null ? "" : text.strip();
        if (given.isEmpty() || given.length() > MAX_TEXT) {
            throw new InvalidInputException("The item's text is required, at most " + MAX_TEXT + " characters (got "
                    + given.length() + ")");
        }
        checklist.add(wanted, given, clock.instant());
        return checklist.items();
    }

    /** Removes an item (and every review's mark of it); administrators only. */
    @Transactional
    public List<ChecklistItem> remove(Caller caller, long id) {
        checkAdmin(caller);
        if (!checklist.remove(id)) {
            throw noSuchItem(id);
        }
        return checklist.items();
    }

    /** Moves an item one place up or down within its section; administrators only. */
    @Transactional
    public List<ChecklistItem> move(Caller caller, long id, String direction) {
        checkAdmin(caller);
        ChecklistItem item = checklist.find(id).orElseThrow(() -> noSuchItem(id));
        if (!"up".equals(direction) && !"down".equals(direction)) {
            throw new InvalidInputException("'" + direction + "' is not a direction; use up or down");
        }
        List<ChecklistItem> section = checklist.items().stream()
                .filter(other -> other.section().equals(item.section())).toList();
        int at = section.indexOf(item);
        int to = "up".equals(direction) ? at - 1 : at + 1;
        if (to >= 0 && to < section.size()) {
            // positions are renumbered so that equal ones (never written here, but possible) order stably
            for (int i = 0; i < section.size(); i++) {
                int position = i == at ? to : i == to ? at : i;
                checklist.setPosition(section.get(i).id(), position + 1);
            }
        }
        return checklist.items();
    }

    /** Every item with the review's marks, for whoever may read the review. */
    @Transactional(readOnly = true)
    public List<ChecklistMark> marks(PackageReview review) {
        return checklist.marks(review.number());
    }

    /** Ticks an item of an open review: its package reviewers (not its contributor) and administrators. */
    @Transactional
    public List<ChecklistMark> mark(Caller caller, long number, long itemId, String verdict, String comment) {
        PackageReview review = reviews.lockedForChange(caller, number, ReviewAction.CHECK);
        ChecklistItem item = checklist.find(itemId).orElseThrow(() -> noSuchItem(itemId));
        String wanted = verdict == null ? "" : verdict.strip().toLowerCase(Locale.ROOT);
        if (!VERDICTS.contains(wanted)) {
            throw new InvalidInputException("'" + verdict + "' is not a verdict; use pass, fail or not-applicable");
        }
        String note = comment == null ? "" : comment.strip();
        if (note.length() > MAX_COMMENT) {
            throw new InvalidInputException("The comment is too long: at most " + MAX_COMMENT + " characters");
        }
        checklist.mark(number, itemId, wanted, note, caller.user().id(), clock.instant());
        reviews.record(review, caller.user().id(), ReviewAction.CHECK.event(), item.section() + " " + item.text()
                + ": " + wanted + (note.isEmpty() ? "" : " (" + note + ")"));
        return checklist.marks(number);
    }

    /** Whether the caller may tick the review's checklist now. */
    public boolean mayMark(Optional<Caller> caller, PackageReview review) {
        return reviews.mayCheck(caller, review);
    }

    private static void checkAdmin(Caller caller) {
        if (!caller.isAdmin()) {
            throw new ForbiddenException("Configuring the review checklist needs an administrator, signed in with a "
                    + "password; user '" + caller.name() + "' is not one");
        }
    }

    private static NotFoundException noSuchItem(long id) {
        return new NotFoundException("there is no checklist item " + id);
    }
}
