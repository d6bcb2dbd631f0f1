package dev.assay.server.index.pages;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.assay.server.accounts.CallerResolver;

/**
 * {@code GET /explore?sort=name|recent|depended&page=}: the projects the caller may read, sorted; and
 * {@code GET /search/suggest?q=}, the list of projects the header's search box shows as one types (an HTML fragment).
 */
@Controller
class ExploreController {

    private final ProjectExplorer explorer;
    private final CallerResolver callers;

    ExploreController(ProjectExplorer explorer, CallerResolver callers) {
        this.explorer = explorer;
        this.callers = callers;
    }

    @GetMapping("/explore")
    String explore(Authentication authentication, @RequestParam(name = "sort", required = false) String sort,
            @RequestParam(name = "page", required = false) String page, Model model) {
        model.addAttribute("explore", explorer.explore(callers.caller(authentication), sort, page));
        model.addAttribute("sorts", ExploreSort.values());
        return "index/explore";
    }

    @GetMapping("/search/suggest")
    String suggest(Authentication authentication, @RequestParam(name = "q", required = false) String query,
            Model model) {
        model.addAttribute("query", query == null ? "" : query.strip());
        model.addAttribute("suggestions", explorer.suggestions(callers.caller(authentication), query));
        return "index/suggest :: suggestions";
    }
}
