package dev.assay.server.web;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import dev.assay.server.accounts.CallerResolver;
import dev.assay.server.index.pages.ProjectDirectory;

/** The front page: how to install from this index, a search form and the latest uploads the caller may see. */
@Controller
class HomeController {

    private static final int RECENT_RELEASES = 20;

    private final ProjectDirectory directory;
    private final CallerResolver callers;

    HomeController(ProjectDirectory directory, CallerResolver callers) {
        this.directory = directory;
        this.callers = callers;
    }

    @GetMapping("/")
    String home(Authentication authentication, Model model) {
        model.addAttribute("indexUrl", ServletUriComponentsBuilder.fromCurrentContextPath().path("/simple/").toUriString());
        model.addAttribute("recent", directory.recentReleases(callers.caller(authentication), RECENT_RELEASES));
        return "home";
    }
}
