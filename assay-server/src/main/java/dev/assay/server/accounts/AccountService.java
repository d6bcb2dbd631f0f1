package dev.assay.server.accounts;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.assay.server.error.ConflictException;
import dev.assay.server.error.InvalidInputException;
import dev.assay.server.error.NotFoundException;

/** The rules for accounts: who may exist, with which name, email and password. */
@Service
public class AccountService {

    static final int MIN_PASSWORD_LENGTH = 8;
    private static final int MAX_PASSWORD_LENGTH = 128;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9._-]{0,38}[A-Za-z0-9])?");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final UserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;

    public AccountService(UserRepository users, PasswordEncoder passwordEncoder, Clock clock) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    /** Creates an account, or says exactly which part of the request to fix. */
    @Transactional
    public User create(NewUser request) {
        return insert(request, true);
    }

    /**
     * Creates a self-registered account with no group, which cannot sign in until {@link #markVerified} (its
     * emailed link was opened); the same rules as {@link #create}. An unverified account made before
     * {@code unverifiedBefore} (its link expired unopened) no longer holds its name or address.
     */
    @Transactional
    public User register(NewUser request, Instant unverifiedBefore) {
        if (request.name() != null && request.email() != null) {
            users.deleteUnverified(request.name(), request.email(), unverifiedBefore);
        }
        return insert(new NewUser(request.name(), request.email(), request.fullName(), request.password(), Set.of()),
                false);
    }

    /** Lets a registered account sign in: its email address was shown to be theirs. */
    @Transactional
    public void markVerified(long userId) {
        users.markVerified(userId);
    }

    /** The id of the account with this email address, if any (never shown to whoever asked). */
    public Optional<Long> idByEmail(String email) {
        return email == null ? Optional.empty() : users.idByEmail(email.strip());
    }

    /** Sets a new password without the current one: its owner proved they read the account's email. */
    @Transactional
    public void setPassword(long userId, String newPassword) {
        checkPassword(newPassword);
        users.updatePasswordHash(userId, passwordEncoder.encode(newPassword));
    }

    private User insert(NewUser request, boolean verified) {
        validate(request);
        if (users.nameTaken(request.name())) {
            throw new ConflictException("the user name '" + request.name() + "' is already taken");
        }
        if (users.emailTaken(request.email())) {
            throw new ConflictException("the email address '" + request.email() + "' already has an account");
        }
        long id = users.insert(request, passwordEncoder.encode(request.password()), clock.instant(), verified);
        request.groups().forEach(group -> users.addToGroup(id, group));
        return user(request.name());
    }

    /** Adds the user to some groups and removes them from others (adding wins when a group is named twice). */
    @Transactional
    public User changeGroups(String name, Set<Group> added, Set<Group> removed) {
        User user = user(name);
        removed.stream().filter(group -> !added.contains(group) && user.groups().contains(group))
                .forEach(group -> users.removeFromGroup(user.id(), group));
        added.stream().filter(group -> !user.groups().contains(group))
                .forEach(group -> users.addToGroup(user.id(), group));
        return user(name);
    }

    /** The user with this name (case-insensitive). */
    public User user(String name) {
        return users.findByName(name)
                .orElseThrow(() -> new NotFoundException("there is no user named '" + name + "'"));
    }

    /** The user with this id, if the account still exists. */
    public Optional<User> user(long id) {
        return users.findById(id);
    }

    /** Replaces a user's password after checking the current one. */
    @Transactional
    public void changePassword(String name, String currentPassword, String newPassword) {
        StoredCredentials credentials = users.credentials(name)
                .orElseThrow(() -> new NotFoundException("there is no user named '" + name + "'"));
        if (!passwordEncoder.matches(currentPassword, credentials.passwordHash())) {
            throw new InvalidInputException("the current password is not correct");
        }
        checkPassword(newPassword);
        users.updatePasswordHash(credentials.userId(), passwordEncoder.encode(newPassword));
    }

    private static void validate(NewUser request) {
        if (request.name() == null || !NAME.matcher(request.name()).matches()) {
            throw new InvalidInputException("a user name is 1 to 40 letters, digits, '.', '_' or '-', "
                    + "starting and ending with a letter or digit; got '" + request.name() + "'");
        }
        if (request.email() == null || request.email().length() > 254 || !EMAIL.matcher(request.email()).matches()) {
            throw new InvalidInputException("'" + request.email() + "' is not an email address like name@example.org");
        }
        if (request.fullName().length() > 100) {
            throw new InvalidInputException("a full name is at most 100 characters");
        }
        checkPassword(request.password());
    }

    private static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new InvalidInputException("a password needs at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (password.length() > MAX_PASSWORD_LENGTH) {
            throw new InvalidInputException("a password is at most " + MAX_PASSWORD_LENGTH + " characters");
        }
    }
}
