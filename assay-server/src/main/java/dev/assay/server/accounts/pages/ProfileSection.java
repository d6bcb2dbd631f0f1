package dev.assay.server.accounts.pages;

import java.util.Optional;

import org.springframework.ui.Model;

import dev.assay.server.accounts.Caller;
import dev.assay.server.accounts.User;

/** A feature's part of a person's public page ({@code /users/NAME}): it adds what it shows to the page's model. */
public interface ProfileSection {

    /** Adds this section's attributes for the person, as far as the viewer (empty: anonymous) may see them. */
    void addTo(User person, Optional<Caller> viewer, Model model);
}
