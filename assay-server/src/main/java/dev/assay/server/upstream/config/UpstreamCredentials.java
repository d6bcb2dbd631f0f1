package dev.assay.server.upstream.config;

import java.util.Optional;

import dev.assay.server.error.InvalidInputException;

/** The user name and password Assay signs in to an upstream with (both empty: none); toString hides the password. */
public record UpstreamCredentials(Optional<String> username, Optional<String> password) {

    /** No credentials. */
    public static final UpstreamCredentials NONE = new UpstreamCredentials(Optional.empty(), Optional.empty());

    static final int MAX_USERNAME = 200;
    static final int MAX_PASSWORD = 500;

    /** Credentials from what a person typed (empty text: none), or what to fix. */
    public static UpstreamCredentials of(String username, String password) {
        boolean noUser = username == null || username.isEmpty();
        boolean noPassword = password == null || password.isEmpty();
        if (noUser && noPassword) {
            return NONE;
        }
        if (noUser) {
            throw new InvalidInputException("A password needs a username: give both, or neither");
        }
        if (username.length() > MAX_USERNAME || username.contains(":") || username.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("The username must be at most " + MAX_USERNAME
                    + " characters, without ':' or control characters");
        }
        if (!noPassword && (password.length() > MAX_PASSWORD || password.chars().anyMatch(Character::isISOControl))) {
            throw new InvalidInputException("The password must be at most " + MAX_PASSWORD
                    + " characters, without control characters");
        }
        return new UpstreamCredentials(Optional.of(username), Optional.ofNullable(noPassword ? null : password));
    }

    @Override
    public String toString() {
        return username.map(user -> user + password.map(secret -> " (password set)").orElse("")).orElse("none");
    }
}
