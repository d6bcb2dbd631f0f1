package dev.assay.server.accounts.pages;

import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import dev.assay.server.accounts.security.LoginFailureHandler;

/** The login page, filled with the user name of a refused attempt; Spring Security handles the POST and logout. */
@Controller
class LoginController {

    @GetMapping("/login")
    String login(HttpSession session, Model model) {
        Object tried = session.getAttribute(LoginFailureHandler.TRIED_NAME);
        if (tried != null) {
            session.removeAttribute(LoginFailureHandler.TRIED_NAME);
            model.addAttribute("triedName", tried);
        }
        return "accounts/login";
    }
}
