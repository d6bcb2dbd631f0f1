package dev.assay.server.index.pages;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code GET /search?q=&page=}: projects by name or summary; public. */
@Controller
class SearchController {

    private final ProjectDirectory directory;

    SearchController(ProjectDirectory directory) {
        this.directory = directory;
    }

    @GetMapping("/search")
    String search(@RequestParam(name = "q", required = false) String query,
            @RequestParam(name = "page", required = false) String page, Model model) {
        model.addAttribute("results", directory.search(query, page));
        return "index/search";
    }
}
