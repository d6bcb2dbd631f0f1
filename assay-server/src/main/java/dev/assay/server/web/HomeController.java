package dev.assay.server.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import dev.assay.server.index.pages.ProjectDirectory;

/** The front page: how to install from this index, a search form and the latest uploads. */
@Controller
class HomeController {

    private static final int RECENT_RELEASES = 20;

    private final ProjectDirectory directory;

    HomeController(ProjectDirectory directory) {
        this.directory = directory;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("indexUrl", ServletUriComponentsBuilder.fromCurrentContextPath().path("/simple/").toUriString());
        model.addAttribute("recent", directory.recentReleases(RECENT_RELEASES));
        return "home";
    }
}
