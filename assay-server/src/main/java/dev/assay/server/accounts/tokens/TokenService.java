package dev.assay.server.accounts.tokens;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.assay.packaging.name.ProjectName;
import dev.assay.packaging.PackagingException;
import dev.assay.server.accounts.AccountService;
import dev.assay.server.accounts.User;
import dev.assay.server.crypto.Sha256;
import dev.assay.server.error.ForbiddenException;
import dev.assay.server.error.InvalidInputException;
import dev.assay.server.error.NotFoundException;

/** Issues, lists, checks and revokes API tokens; the database keeps only a hash of each secret. */
@Service
public class TokenService {

    /** Every secret starts with this, so secret scanners and people recognise it. */
    static final String SECRET_PREFIX = "assay_";
    private static final Duration USE_RECORDED_EVERY = Duration.ofMinutes(1);
    private static final int SECRET_BYTES = 32;
    private static final int SHOWN_PREFIX_LENGTH = 12;

    private final TokenRepository tokens;
    private final AccountService accounts;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public TokenService(TokenRepository tokens, AccountService accounts, Clock clock) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** Creates a token and returns its secret, which is never retrievable again. */
    @Transactional
    public CreatedToken create(NewToken request) {
        User owner = accounts.user(request.owner());
        NewToken normalized = new NewToken(owner.name(), describe(request), normalizeProject(request.project()),
                request.scopes());
        if (normalized.description().length() > 100) {
            throw new InvalidInputException("a token description is at most 100 characters");
        }
        requireMayHold(owner, normalized.scopes());
        String secret = newSecret();
        long id = tokens.insert(owner.id(), normalized, hash(secret), secret.substring(0, SHOWN_PREFIX_LENGTH),
                clock.instant());
        return new CreatedToken(token(id), secret);
    }

    /**
     * Refuses a worker-scoped token to anyone but an administrator: a worker reads every project's files and
     * its results are trusted as the forge's own.
     */
    private static void requireMayHold(User owner, Set<TokenScope> scopes) {
        if (scopes.contains(TokenScope.WORKER) && !owner.isAdmin()) {
            throw new ForbiddenException("only administrators may hold tokens with the worker scope, and "
                    + owner.name() + " is not one: a worker reads every project's files and its results are trusted");
        }
    }

    /** The scopes this user may put on a new token: all of them for administrators, all but worker otherwise. */
    public List<TokenScope> grantableScopes(String user) {
        boolean admin = accounts.user(user).isAdmin();
        return Arrays.stream(TokenScope.values()).filter(scope -> admin || scope != TokenScope.WORKER).toList();
    }

    /** Every token of a user, newest first, revoked ones included. */
    public List<ApiToken> list(String owner) {
        return tokens.listForUser(accounts.user(owner).id());
    }

    /** The token with this id. */
    public ApiToken token(long id) {
        return tokens.find(id).orElseThrow(() -> new NotFoundException("there is no token with id " + id));
    }

    /** Revokes any token; for administrators and the command line. */
    @Transactional
    public ApiToken revoke(long id) {
        ApiToken token = token(id);
        if (!tokens.revoke(id, clock.instant())) {
            throw new InvalidInputException("token " + id + " was already revoked");
        }
        return token(token.id());
    }

    /** Revokes a token on behalf of a user, who must own it or be an administrator. */
    @Transactional
    public ApiToken revoke(long id, User actor) {
        ApiToken token = token(id);
        if (!actor.isAdmin() && !token.owner().equalsIgnoreCase(actor.name())) {
            throw new ForbiddenException("token " + id + " belongs to another user");
        }
        return revoke(id);
    }

    /**
     * The active token with this secret, if any; records that it was used, to the minute: a worker or a client
     * sending many requests a second writes its token's row once a minute, not at every request (and reads it in one
     * statement, outside any transaction, the rest of the time).
     */
    public Optional<ApiToken> authenticate(String secret) {
        if (secret == null || !secret.startsWith(SECRET_PREFIX)) {
            return Optional.empty();
        }
        Optional<ApiToken> token = tokens.findActiveByHash(hash(secret));
        Instant now = clock.instant();
        token.filter(found -> found.lastUsedAt().map(used -> used.isBefore(now.minus(USE_RECORDED_EVERY))).orElse(true))
                .ifPresent(found -> tokens.markUsed(found.id(), now));
        return token;
    }

    private static String describe(NewToken request) {
        return request.description().isEmpty() ? "token" : request.description();
    }

    private static String normalizeProject(String project) {
        if (project == null) {
            return null;
        }
        try {
            return ProjectName.of(project).normalized();
        } catch (PackagingException invalid) {
            throw new InvalidInputException(invalid.getMessage());
        }
    }

    private String newSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        return SECRET_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * A plain SHA-256 suffices: secrets carry 256 random bits, so there is nothing to brute-force, and
     * a deterministic hash lets the lookup use an index.
     */
    static String hash(String secret) {
        return Sha256.hex(secret);
    }
}
