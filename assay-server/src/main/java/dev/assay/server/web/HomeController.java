package dev.assay.server.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The front page. */
@Controller
class HomeController {

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("indexUrl", ServletUriComponentsBuilder.fromCurrentContextPath().path("/simple/").toUriString());
        return "home";
    }
}
