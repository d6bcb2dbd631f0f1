package dev.assay.server.accounts;

import java.util.Set;

/** What it takes to create an account; the password is plain text and never stored. */
public record NewUser(String name, String email, String fullName, String password, Set<Group> groups) {

    public NewUser {
        fullName = fullName == null ? "" : fullName.strip();
        groups = groups == null ? Set.of() : Set.copyOf(groups);
    }

    @Override
    public String toString() {
        return "NewUser[name=" + name + ", email=" + email + ", groups=" + groups + "]";
    }
}
