package dev.assay.server.accounts.registration;

import java.time.Clock;
import java.time.Duration;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.assay.server.accounts.AccountService;
import dev.assay.server.accounts.Caller;
import dev.assay.server.accounts.NewUser;
import dev.assay.server.accounts.User;
import dev.assay.server.error.ForbiddenException;
import dev.assay.server.notify.Outbox;

/**
 * Self-registration: open only when an administrator opened it and email is configured; the new account cannot
 * sign in until the link mailed to its address was opened (single-use, expires after a day); once that day is
 * over unverified, the account gives its name and address up to the next registration.
 */
@Service
public class RegistrationService {

    static final Duration VERIFY_LINK_LIFETIME = Duration.ofDays(1);
    private static final String SETTING = "registration";

    private final AccountService accounts;
    private final EmailLinks links;
    private final Outbox outbox;
    private final SiteSettingRepository settings;
    private final RegistrationSettings defaults;
    private final Clock clock;

    RegistrationService(AccountService accounts, EmailLinks links, Outbox outbox, SiteSettingRepository settings,
            RegistrationSettings defaults, Clock clock) {
        this.clock = clock;
        this.accounts = accounts;
        this.links = links;
        this.outbox = outbox;
        this.settings = settings;
        this.defaults = defaults;
    }

    /** Whether an administrator lets people register (the database's switch, else {@code assay.registration}). */
    public boolean isOpen() {
        return settings.find(SETTING).map(Boolean::parseBoolean).orElse(defaults.registration());
    }

    /** Whether registering works right now: open, and email configured to verify the address. */
    public boolean isAvailable() {
        return isOpen() && outbox.enabled();
    }

    /** Whether email is configured, which registration needs. */
    public boolean emailConfigured() {
        return outbox.enabled();
    }

    /** Opens or closes registration; administrators only. */
    @Transactional
    public boolean setOpen(Caller caller, boolean open) {
        checkAdministrator(caller);
        settings.put(SETTING, Boolean.toString(open));
        return open;
    }

    /** Refuses anyone but an administrator the registration switch. */
    public void checkAdministrator(Caller caller) {
        if (!caller.isAdmin()) {
            throw new ForbiddenException("only administrators (the admins group, signed in with a password) may "
                    + "see or change the registration switch");
        }
    }

    /** Creates an unverified account and mails the link that verifies it. */
    @Transactional
    public User register(NewUser request) {
        if (!isOpen()) {
            throw new ForbiddenException("registration is closed on this server: an administrator creates accounts");
        }
        outbox.requireEnabled("registration");
        User user = accounts.register(request, clock.instant().minus(VERIFY_LINK_LIFETIME));
        String token = links.issue(user.id(), EmailLinks.VERIFY, VERIFY_LINK_LIFETIME);
        outbox.send(user.email(), "Verify your email address for " + user.name(),
                "Open this link within a day to verify your address and sign in as " + user.name()
                        + ". If you did not register, ignore this mail.",
                "/register/verify?token=" + token);
        return user;
    }

    /** Whether the verification link still works (shown before it is used). */
    public boolean verificationUsable(String token) {
        return links.peek(token, EmailLinks.VERIFY).isPresent();
    }

    /** Uses the verification link up and lets its account sign in; returns the account's name. */
    @Transactional
    public String verify(String token) {
        long userId = links.use(token, EmailLinks.VERIFY);
        accounts.markVerified(userId);
        return accounts.user(userId).map(User::name).orElseThrow();
    }
}
