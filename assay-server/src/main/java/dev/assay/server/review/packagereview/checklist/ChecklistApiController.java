package dev.assay.server.review.packagereview.checklist;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.assay.server.accounts.CallerResolver;

/**
 * {@code /api/v1/review-checklist}: the manual checklist items every review starts with; anyone reads them,
 * administrators add ({@code {"section": "MUST", "text": "..."}}), remove and move them ({@code {"direction": "up"}}).
 */
@RestController
@RequestMapping("/api/v1/review-checklist")
class ChecklistApiController {

    /** A new item. */
    record ItemRequest(String section, String text) {
    }

    /** A move within the item's section: up or down. */
    record MoveRequest(String direction) {
    }

    private final ChecklistService checklist;
    private final CallerResolver callers;

    ChecklistApiController(ChecklistService checklist, CallerResolver callers) {
        this.checklist = checklist;
        this.callers = callers;
    }

    @GetMapping
    List<ChecklistItem> items() {
        return checklist.items();
    }

    @PostMapping
    List<ChecklistItem> add(Authentication authentication, @RequestBody(required = false) ItemRequest request) {
        return checklist.add(callers.require(authentication), request == null ? null : request.section(),
                request == null ? null : request.text());
    }

    @DeleteMapping("/{id}")
    List<ChecklistItem> remove(Authentication authentication, @PathVariable long id) {
        return checklist.remove(callers.require(authentication), id);
    }

    @PostMapping("/{id}/move")
    List<ChecklistItem> move(Authentication authentication, @PathVariable long id,
            @RequestBody(required = false) MoveRequest request) {
        return checklist.move(callers.require(authentication), id, request == null ? null : request.direction());
    }
}
