package dev.assay.server.accounts.registration;

import java.time.Clock;
import java.time.Duration;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.assay.server.accounts.AccountService;
import dev.assay.server.accounts.User;
import dev.assay.server.notify.Outbox;

/**
 * Password reset by email: asking answers the same whether or not the address has an account (no enumeration);
 * an account gets at most {@link #MAX_MAILS_PER_HOUR} links an hour, each single-use, valid for an hour, and
 * every older link stops working when a new one is sent or the password is set.
 */
@Service
public class PasswordResetService {

    static final int MAX_MAILS_PER_HOUR = 3;
    static final Duration LINK_LIFETIME = Duration.ofHours(1);

    private final AccountService accounts;
    private final EmailLinks links;
    private final Outbox outbox;
    private final Clock clock;

    PasswordResetService(AccountService accounts, EmailLinks links, Outbox outbox, Clock clock) {
        this.accounts = accounts;
        this.links = links;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Whether resetting works on this server (it needs email). */
    public boolean isAvailable() {
        return outbox.enabled();
    }

    /** Mails a reset link to the account with this address, if there is one and it was not asked too often. */
    @Transactional
    public void request(String email) {
        outbox.requireEnabled("password reset");
        accounts.idByEmail(email)
                .filter(id -> links.issuedSince(id, EmailLinks.RESET, clock.instant().minus(Duration.ofHours(1)))
                        < MAX_MAILS_PER_HOUR)
                .flatMap(accounts::user)
                .ifPresent(user -> {
                    String token = links.issue(user.id(), EmailLinks.RESET, LINK_LIFETIME);
                    outbox.send(user.email(), "Reset the password of " + user.name(),
                            "Someone asked to reset the password of " + user.name() + " on Assay. Open this link "
                                    + "within an hour to choose a new one; if it was not you, ignore this mail.",
                            "/password-reset/confirm?token=" + token);
                });
    }

    /** Whether the reset link still works (shown before it is used). */
    public boolean usable(String token) {
        return links.peek(token, EmailLinks.RESET).isPresent();
    }

    /** Uses the link up and sets the new password; returns the account's name. */
    @Transactional
    public String reset(String token, String newPassword) {
        long userId = links.use(token, EmailLinks.RESET);
        accounts.setPassword(userId, newPassword);
        links.invalidate(userId, EmailLinks.RESET);
        // the link reached its owner's mailbox: the address is theirs
        accounts.markVerified(userId);
        return accounts.user(userId).map(User::name).orElseThrow();
    }
}
