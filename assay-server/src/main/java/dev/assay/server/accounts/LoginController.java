package dev.assay.server.accounts;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page; Spring Security handles the form's POST and the logout. */
@Controller
class LoginController {

    @GetMapping("/login")
    String login() {
        return "accounts/login";
    }
}
