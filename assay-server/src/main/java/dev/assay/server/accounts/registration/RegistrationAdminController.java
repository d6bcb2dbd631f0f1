package dev.assay.server.accounts.registration;

import java.util.Map;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.assay.server.accounts.CallerResolver;
import dev.assay.server.error.InvalidInputException;

/** The administrator's switch for self-registration: a page and the API. */
@Controller
class RegistrationAdminController {

    /** The switch as the API sends and takes it. */
    record RegistrationSwitch(boolean open, boolean emailConfigured) {
    }

    private final RegistrationService registration;
    private final CallerResolver callers;

    RegistrationAdminController(RegistrationService registration, CallerResolver callers) {
        this.registration = registration;
        this.callers = callers;
    }

    @GetMapping("/admin/registration")
    String page(Model model) {
        model.addAttribute("open", registration.isOpen());
        model.addAttribute("available", registration.isAvailable());
        return "accounts/admin-registration";
    }

    @PostMapping("/admin/registration")
    String change(Authentication authentication, @RequestParam boolean open, RedirectAttributes redirect) {
        registration.setOpen(callers.require(authentication), open);
        redirect.addFlashAttribute("notice", open ? "Registration is open." : "Registration is closed.");
        return "redirect:/admin/registration";
    }

    @GetMapping("/api/v1/admin/registration")
    @ResponseBody
    RegistrationSwitch show(Authentication authentication) {
        registration.checkAdministrator(callers.require(authentication));
        return view();
    }

    @PutMapping("/api/v1/admin/registration")
    @ResponseBody
    RegistrationSwitch set(Authentication authentication, @RequestBody Map<String, Object> body) {
        if (!(body.get("open") instanceof Boolean open)) {
            throw new InvalidInputException("send {\"open\": true} or {\"open\": false}");
        }
        registration.setOpen(callers.require(authentication), open);
        return view();
    }

    private RegistrationSwitch view() {
        return new RegistrationSwitch(registration.isOpen(), registration.emailConfigured());
    }
}
