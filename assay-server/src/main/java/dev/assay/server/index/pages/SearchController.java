package dev.assay.server.index.pages;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.assay.server.accounts.CallerResolver;

/** {@code GET /search?q=&page=}: projects found by full-text search, among those the caller may read. */
@Controller
class SearchController {

    private final ProjectDirectory directory;
    private final CallerResolver callers;

    SearchController(ProjectDirectory directory, CallerResolver callers) {
        this.directory = directory;
        this.callers = callers;
    }

    @GetMapping("/search")
    String search(Authentication authentication, @RequestParam(name = "q", required = false) String query,
            @RequestParam(name = "page", required = false) String page, Model model) {
        model.addAttribute("results", directory.search(callers.caller(authentication), query, page));
        return "index/search";
    }
}
