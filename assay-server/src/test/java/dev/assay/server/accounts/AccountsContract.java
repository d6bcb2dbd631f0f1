package dev.assay.server.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.assay.server.accounts.tokens.ApiToken;
import dev.assay.server.accounts.tokens.CreatedToken;
import dev.assay.server.accounts.tokens.NewToken;
import dev.assay.server.accounts.tokens.TokenScope;
import dev.assay.server.accounts.tokens.TokenService;
import dev.assay.server.crypto.Sha256;
import dev.assay.server.error.ConflictException;
import dev.assay.server.error.ForbiddenException;
import dev.assay.server.error.InvalidInputException;
import dev.assay.server.error.NotFoundException;
import dev.assay.server.testing.TestDatabase;
import dev.assay.server.testing.TestServer;
import dev.assay.server.testing.WebSession;

/** The rules of accounts and tokens, run once per database. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AccountsContract {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    TestDatabase database;
    TestServer server;
    AccountService accounts;
    TokenService tokens;

    abstract String databaseKind();

    @BeforeAll
    void startServer(@TempDir Path data) {
        database = TestDatabase.of(databaseKind(), data);
        server = TestServer.start(data, database);
        accounts = server.bean(AccountService.class);
        tokens = server.bean(TokenService.class);
    }

    @AfterAll
    void stopServer() {
        if (server != null) {
            server.close();
        }
        if (database != null) {
            database.close();
        }
    }

    static String uniqueName(String stem) {
        return stem + SEQUENCE.incrementAndGet();
    }

    User newUser(String stem, Group... groups) {
        String name = uniqueName(stem);
        return accounts.create(new NewUser(name, name + "@example.org", "", "correct horse", Set.of(groups)));
    }

    @Test
    void createsUserInGroupsWithHashedPassword() throws SQLException {
        String name = uniqueName("Alice");
        User alice = accounts.create(new NewUser(name, name + "@Example.org", "Alice Liddell", "correct horse",
                Set.of(Group.ADMINS, Group.SPONSORS)));

        assertThat(accounts.user(name.toLowerCase())).isEqualTo(alice);
        assertThat(alice.isAdmin()).isTrue();
        assertThat(alice.isSponsor()).isTrue();
        assertThat(alice.fullName()).isEqualTo("Alice Liddell");
        String stored = singleString("SELECT password_hash FROM users WHERE id = " + alice.id());
        assertThat(stored).startsWith("{argon2}").doesNotContain("correct horse");
    }

    @Test
    void rejectsSecondUserWithSameNameInAnotherCase() {
        User first = newUser("bob");

        assertThatThrownBy(() -> accounts.create(new NewUser(first.name().toUpperCase(), "other@example.org", "",
                "correct horse", Set.of())))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("already taken");
    }

    @Test
    void rejectsSecondAccountForSameEmail() {
        User first = newUser("carol");

        assertThatThrownBy(() -> accounts.create(new NewUser(uniqueName("other"), first.email().toUpperCase(), "",
                "correct horse", Set.of())))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("already has an account");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-dash", "dot.", "has space", "<script>", "x12345678901234567890123456789012345678901"})
    void rejectsMalformedUserNames(String name) {
        assertThatThrownBy(() -> accounts.create(new NewUser(name, uniqueName("m") + "@example.org", "",
                "correct horse", Set.of())))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("user name");
    }

    @Test
    void rejectsShortPasswordAndBadEmail() {
        assertThatThrownBy(() -> accounts.create(new NewUser(uniqueName("dave"), "dave@example.org", "", "short",
                Set.of())))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("at least 8 characters");
        assertThatThrownBy(() -> accounts.create(new NewUser(uniqueName("dave"), "not-an-email", "", "long enough",
                Set.of())))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("not an email address");
    }

    @Test
    void unknownUserIsNotFound() {
        assertThatThrownBy(() -> accounts.user("nobody-here")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void tokenAuthenticatesAndOnlyItsHashIsStored() throws SQLException {
        User erin = newUser("erin");

        CreatedToken created = tokens.create(new NewToken(erin.name(), "ci", null, Set.of(TokenScope.UPLOAD)));

        assertThat(created.secret()).startsWith("assay_").hasSizeGreaterThan(40);
        String stored = singleString("SELECT token_hash FROM api_tokens WHERE id = " + created.token().id());
        assertThat(stored).isEqualTo(Sha256.hex(created.secret())).doesNotContain(created.secret());
        assertThat(tokens.authenticate(created.secret())).get()
                .satisfies(token -> assertThat(token.owner()).isEqualTo(erin.name()));
        assertThat(tokens.token(created.token().id()).lastUsedAt()).isPresent();
    }

    @Test
    void unknownOrMalformedSecretsDoNotAuthenticate() {
        assertThat(tokens.authenticate("assay_nope")).isEmpty();
        assertThat(tokens.authenticate("pypi-AgEIcHlwaS5vcmc")).isEmpty();
        assertThat(tokens.authenticate(null)).isEmpty();
    }

    @Test
    void revokedTokenStopsAuthenticatingAndCannotBeRevokedTwice() {
        User frank = newUser("frank");
        CreatedToken created = tokens.create(new NewToken(frank.name(), "", null, Set.of()));

        ApiToken revoked = tokens.revoke(created.token().id());

        assertThat(revoked.isActive()).isFalse();
        assertThat(tokens.authenticate(created.secret())).isEmpty();
        assertThatThrownBy(() -> tokens.revoke(created.token().id()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("already revoked");
    }

    @Test
    void tokenIsLimitedToItsNormalisedProjectAndScopes() {
        User grace = newUser("grace");

        ApiToken token = tokens.create(new NewToken(grace.name(), "", "My_Cool.Package",
                Set.of(TokenScope.UPLOAD, TokenScope.PUSH))).token();

        assertThat(token.project()).contains("my-cool-package");
        assertThat(token.allows(TokenScope.UPLOAD, "my-cool-package")).isTrue();
        assertThat(token.allows(TokenScope.PUSH, "my-cool-package")).isTrue();
        assertThat(token.allows(TokenScope.WORKER, "my-cool-package")).isFalse();
        assertThat(token.allows(TokenScope.UPLOAD, "another")).isFalse();
    }

    @Test
    void tokenWithoutScopeAllowsUploadOnly() {
        ApiToken token = tokens.create(new NewToken(newUser("heidi").name(), "", null, Set.of())).token();

        assertThat(token.scopes()).containsExactly(TokenScope.UPLOAD);
        assertThat(token.project()).isEmpty();
    }

    @Test
    void rejectsTokenForInvalidProjectNameOrUnknownScopeOrUser() {
        String owner = newUser("ivan").name();

        assertThatThrownBy(() -> tokens.create(new NewToken(owner, "", "not a name!", Set.of())))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> TokenScope.ofKey("delete"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("upload, push, worker");
        assertThatThrownBy(() -> tokens.create(new NewToken("ghost-user", "", null, Set.of())))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void onlyOwnerOrAdminMayRevokeAToken() {
        User owner = newUser("judy");
        User stranger = newUser("mallory");
        User admin = newUser("root", Group.ADMINS);
        long first = tokens.create(new NewToken(owner.name(), "", null, Set.of())).token().id();
        long second = tokens.create(new NewToken(owner.name(), "", null, Set.of())).token().id();

        assertThatThrownBy(() -> tokens.revoke(first, stranger)).isInstanceOf(ForbiddenException.class);
        assertThat(tokens.token(first).isActive()).isTrue();
        assertThat(tokens.revoke(first, owner).isActive()).isFalse();
        assertThat(tokens.revoke(second, admin).isActive()).isFalse();
    }

    @Test
    void onlyAdministratorsMayCreateWorkerTokens() {
        User sponsor = newUser("nina", Group.SPONSORS);
        User admin = newUser("olga", Group.ADMINS);

        assertThatThrownBy(() -> tokens.create(new NewToken(sponsor.name(), "", null,
                Set.of(TokenScope.UPLOAD, TokenScope.WORKER))))
                .isInstanceOf(ForbiddenException.class)
                .hasMessageContaining("only administrators may hold tokens with the worker scope");
        assertThat(tokens.list(sponsor.name())).as("nothing half-created").isEmpty();
        assertThat(tokens.create(new NewToken(admin.name(), "", null, Set.of(TokenScope.WORKER))).token().scopes())
                .containsExactly(TokenScope.WORKER);
        assertThat(tokens.grantableScopes(sponsor.name())).doesNotContain(TokenScope.WORKER);
        assertThat(tokens.grantableScopes(admin.name())).contains(TokenScope.WORKER);
    }

    @Test
    void theProfileFormOffersWorkerTokensOnlyToAdministratorsAndRefusesAForgedRequest() {
        String password = "correct horse";
        User user = newUser("pablo");
        User admin = newUser("quinn", Group.ADMINS);
        WebSession session = new WebSession(server.url());
        session.logIn(user.name(), password);
        WebSession adminSession = new WebSession(server.url());
        adminSession.logIn(admin.name(), password);

        Document offered = session.page("profile");
        // the checkbox is missing, so the attacker adds the field to the form's request by hand
        HttpResponse<String> forged = session.submit("profile", "form[action$=/profile/tokens]",
                Map.of("description", "forged", "scope", "worker"));

        assertThat(offered.select("input[name=scope][value=worker]")).isEmpty();
        assertThat(offered.select("input[name=scope][value=upload]")).hasSize(1);
        assertThat(adminSession.page("profile").select("input[name=scope][value=worker]")).hasSize(1);
        assertThat(forged.body()).contains("only administrators may hold tokens with the worker scope")
                .doesNotContain("new-token-secret");
        assertThat(tokens.list(user.name())).isEmpty();
    }

    @Test
    void listsTokensNewestFirst() {
        String owner = newUser("ken").name();
        long older = tokens.create(new NewToken(owner, "older", null, Set.of())).token().id();
        long newer = tokens.create(new NewToken(owner, "newer", null, Set.of())).token().id();

        assertThat(tokens.list(owner)).extracting(ApiToken::id).containsExactly(newer, older);
    }

    private String singleString(String sql) throws SQLException {
        try (Connection connection = database.connect();
                ResultSet rows = connection.createStatement().executeQuery(sql)) {
            assertThat(rows.next()).as("a row for " + sql).isTrue();
            return rows.getString(1);
        }
    }
}
