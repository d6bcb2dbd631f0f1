package dev.assay.server.accounts.registration;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.assay.server.accounts.NewUser;
import dev.assay.server.accounts.User;
import dev.assay.server.error.AssayException;
import dev.assay.server.error.InvalidInputException;

/**
 * The pages of self-registration and password reset. A link from a mail opens a page with a button: only its
 * POST acts, so that a mail scanner fetching the link uses nothing up.
 */
@Controller
class RegistrationController {

    private final RegistrationService registration;
    private final PasswordResetService passwordReset;

    RegistrationController(RegistrationService registration, PasswordResetService passwordReset) {
        this.registration = registration;
        this.passwordReset = passwordReset;
    }

    @GetMapping("/register")
    String form(Model model) {
        model.addAttribute("open", registration.isOpen());
        model.addAttribute("available", registration.isAvailable());
        return "accounts/register";
    }

    @PostMapping("/register")
    String register(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String fullName, @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String confirmPassword, Model model) {
        try {
            if (!password.equals(confirmPassword)) {
                throw new InvalidInputException("the password and its confirmation differ");
            }
            User user = registration.register(new NewUser(name.strip(), email.strip(), fullName, password, null));
            model.addAttribute("title", "Check your email");
            model.addAttribute("message", "We sent a link to " + user.email() + ". Open it within a day to verify "
                    + "your address; then you can log in as " + user.name() + ".");
            return "accounts/message";
        } catch (AssayException failure) {
            model.addAttribute("problem", failure.getMessage());
            model.addAttribute("name", name);
            model.addAttribute("email", email);
            model.addAttribute("fullName", fullName);
            return form(model);
        }
    }

    @GetMapping("/register/verify")
    String verifyPage(@RequestParam(defaultValue = "") String token, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("usable", registration.verificationUsable(token));
        return "accounts/verify";
    }

    @PostMapping("/register/verify")
    String verify(@RequestParam(defaultValue = "") String token, Model model) {
        String name = registration.verify(token);
        model.addAttribute("title", "Email address verified");
        model.addAttribute("message", "Your address is verified. You can log in as " + name + " now.");
        return "accounts/message";
    }

    @GetMapping("/password-reset")
    String resetForm(Model model) {
        model.addAttribute("available", passwordReset.isAvailable());
        return "accounts/password-reset";
    }

    @PostMapping("/password-reset")
    String requestReset(@RequestParam(defaultValue = "") String email, Model model) {
        passwordReset.request(email);
        model.addAttribute("title", "Check your email");
        model.addAttribute("message", "If an account has this address, a link to choose a new password is on its "
                + "way. It works once, within an hour.");
        return "accounts/message";
    }

    @GetMapping("/password-reset/confirm")
    String newPasswordForm(@RequestParam(defaultValue = "") String token, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("usable", passwordReset.usable(token));
        return "accounts/password-reset-confirm";
    }

    @PostMapping("/password-reset/confirm")
    String reset(@RequestParam(defaultValue = "") String token, @RequestParam(defaultValue = "") String newPassword,
            @RequestParam(defaultValue = "") String confirmPassword, Model model) {
        try {
            if (!newPassword.equals(confirmPassword)) {
                throw new InvalidInputException("the new password and its confirmation differ");
            }
            String name = passwordReset.reset(token, newPassword);
            model.addAttribute("title", "Password changed");
            model.addAttribute("message", "The password of " + name + " was changed. You can log in with it now.");
            return "accounts/message";
        } catch (AssayException failure) {
            model.addAttribute("problem", failure.getMessage());
            return newPasswordForm(token, model);
        }
    }
}
