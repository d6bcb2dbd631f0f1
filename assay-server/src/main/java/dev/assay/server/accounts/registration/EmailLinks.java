package dev.assay.server.accounts.registration;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.assay.server.crypto.Sha256;
import dev.assay.server.error.InvalidInputException;

/**
 * Single-use links sent by email: a random token in the link, only its SHA-256 in the database, an expiry, and
 * used up by the first request that acts on it.
 */
@Component
class EmailLinks {

    static final String VERIFY = "verify-email";
    static final String RESET = "reset-password";

    private final AccountTokenRepository tokens;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    EmailLinks(AccountTokenRepository tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    /** A new token for the account, valid for {@code lifetime}; every earlier one of the same purpose stops working. */
    String issue(long userId, String purpose, Duration lifetime) {
        Instant now = clock.instant();
        tokens.invalidate(userId, purpose, now);
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        tokens.insert(userId, purpose, Sha256.hex(token), now, now.plus(lifetime));
        return token;
    }

    /** The account the token opens, if it is still usable (shown before acting on it). */
    Optional<Long> peek(String token, String purpose) {
        return token == null || token.isBlank() ? Optional.empty()
                : tokens.usable(Sha256.hex(token), purpose, clock.instant());
    }

    /** Uses the token up and returns its account, or says the link no longer works. */
    long use(String token, String purpose) {
        Optional<Long> owner = peek(token, purpose);
        if (owner.isEmpty() || !tokens.use(Sha256.hex(token), purpose, clock.instant())) {
            throw new InvalidInputException("this link does not work: it was used already, it expired, or a newer "
                    + "one was sent; ask for a new one");
        }
        return owner.get();
    }

    /** How many tokens of this purpose the account was sent since {@code since}. */
    long issuedSince(long userId, String purpose, Instant since) {
        return tokens.countSince(userId, purpose, since);
    }

    /** Makes every unused token of this purpose for the account unusable. */
    void invalidate(long userId, String purpose) {
        tokens.invalidate(userId, purpose, clock.instant());
    }
}
