package dev.assay.server.accounts.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.assay.server.accounts.AccountService;
import dev.assay.server.accounts.Group;
import dev.assay.server.accounts.NewUser;
import dev.assay.server.accounts.User;
import dev.assay.server.testing.HttpApi;
import dev.assay.server.testing.TestDatabase;
import dev.assay.server.testing.TestServer;
import dev.assay.server.testing.TestSmtpServer;
import dev.assay.server.testing.WebSession;

/**
 * Self-registration with email verification and password reset by email, through the pages and a real SMTP
 * server, run once per database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RegistrationContract {

    private static final String BASE_URL = "https://assay.example.org/";
    private static final Pattern LINK = Pattern.compile(Pattern.quote(BASE_URL) + "(\\S+)");
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String PASSWORD = "correct horse";

    TestDatabase database;
    TestServer server;
    TestSmtpServer smtp;
    User admin;

    abstract String databaseKind();

    @BeforeAll
    void startServers(@TempDir Path data) {
        smtp = TestSmtpServer.start();
        database = TestDatabase.of(databaseKind(), data);
        server = TestServer.start(data, database, Map.of("assay.mail.host", "127.0.0.1", "assay.mail.port",
                smtp.port(), "assay.mail.poll", "100ms", "assay.base-url", BASE_URL));
        admin = server.bean(AccountService.class).create(new NewUser(unique("root"), unique("root") + "@example.org",
                "", PASSWORD, Set.of(Group.ADMINS)));
    }

    @AfterAll
    void stopServers() {
        if (server != null) {
            server.close();
        }
        if (database != null) {
            database.close();
        }
        if (smtp != null) {
            smtp.close();
        }
    }

    static String unique(String stem) {
        return stem + SEQUENCE.incrementAndGet();
    }

    HttpApi adminApi() {
        return new HttpApi(server.url(), admin.name(), PASSWORD);
    }

    void setRegistration(boolean open) {
        assertThat(adminApi().put("/api/v1/admin/registration", "{\"open\": " + open + "}").statusCode()).isEqualTo(200);
    }

    /** The site path of the link in the first mail to this address. */
    String linkMailedTo(String address) {
        Matcher link = LINK.matcher(smtp.awaitMailTo(address).body());
        assertThat(link.find()).as("a link in the mail").isTrue();
        return "/" + link.group(1);
    }

    boolean logsIn(String name, String password) {
        return new WebSession(server.url()).logIn(name, password).uri().getPath().equals("/profile");
    }

    HttpResponse<String> register(WebSession browser, String name, String email, String password, String confirm) {
        return browser.submit("/register", "form#register", Map.of("name", name, "email", email, "fullName",
                "", "password", password, "confirmPassword", confirm));
    }

    @Test
    void aRegisteredAccountLogsInOnlyAfterItsEmailedLinkWasOpened() {
        setRegistration(true);
        String name = unique("newcomer");
        String email = name + "@example.net";
        WebSession browser = new WebSession(server.url());

        HttpResponse<String> registered = register(browser, name, email, PASSWORD, PASSWORD);
        assertThat(Jsoup.parse(registered.body()).selectFirst("#message").text()).contains(email);
        assertThat(logsIn(name, PASSWORD)).isFalse();
        HttpResponse<String> refused = new HttpApi(server.url(), name, PASSWORD).get("/api/v1/whoami");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("Invalid user name, password or token");

        String link = linkMailedTo(email);
        assertThat(link).startsWith("/register/verify?token=");
        assertThat(smtp.awaitMailTo(email).subject()).isEqualTo("[Assay] Verify your email address for " + name);
        assertThat(logsIn(name, PASSWORD)).as("opening the link alone verifies nothing").isFalse();
        HttpResponse<String> verified = browser.submit(link, "form#verify", Map.of());
        assertThat(Jsoup.parse(verified.body()).selectFirst("#message").text()).contains("verified");
        assertThat(logsIn(name, PASSWORD)).isTrue();
        assertThat(new HttpApi(server.url(), name, PASSWORD).get("/api/v1/whoami").statusCode()).isEqualTo(200);

        assertThat(browser.page(link).select("#unusable")).hasSize(1);
        String token = link.substring(link.indexOf('=') + 1);
        assertThat(jdbc().sql("SELECT COUNT(*) FROM account_tokens WHERE token_hash = :token").param("token", token)
                .query(Long.class).single()).as("only the hash is stored").isZero();
    }

    @Test
    void anAccountLeftUnverifiedPastItsLinkGivesItsNameUp() {
        setRegistration(true);
        String name = unique("squatter");
        WebSession browser = new WebSession(server.url());
        register(browser, name, name + "@example.net", PASSWORD, PASSWORD);
        assertThat(problem(register(browser, name, "other-" + name + "@example.net", PASSWORD, PASSWORD)))
                .contains("already taken");

        // a day and more later, the verification link expired unopened
        jdbc().sql("UPDATE users SET created_at = created_at - INTERVAL '2' DAY WHERE name = :name")
                .param("name", name).update();
        HttpResponse<String> again = register(browser, name, "other-" + name + "@example.net", PASSWORD, PASSWORD);

        assertThat(Jsoup.parse(again.body()).selectFirst("#message").text()).contains("other-" + name);
        assertThat(server.bean(AccountService.class).user(name).email()).isEqualTo("other-" + name + "@example.net");
    }

    @Test
    void registrationIsClosedUntilAnAdministratorOpensIt() {
        setRegistration(false);
        WebSession browser = new WebSession(server.url());
        assertThat(browser.page("/register").select("#closed")).hasSize(1);
        assertThat(browser.page("/register").select("form#register")).isEmpty();

        assertThat(new HttpApi(server.url(), admin.name(), "wrong password")
                .put("/api/v1/admin/registration", "{\"open\": true}").statusCode()).isEqualTo(401);
        User someone = server.bean(AccountService.class).create(new NewUser(unique("someone"),
                unique("someone") + "@example.org", "", PASSWORD, Set.of()));
        HttpResponse<String> refused = new HttpApi(server.url(), someone.name(), PASSWORD)
                .put("/api/v1/admin/registration", "{\"open\": true}");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("administrators");
        assertThat(adminApi().put("/api/v1/admin/registration", "{\"open\": \"yes\"}").statusCode()).isEqualTo(400);

        WebSession administrator = new WebSession(server.url());
        administrator.logIn(admin.name(), PASSWORD);
        administrator.submit("/admin/registration", "form#registration-switch", Map.of());
        assertThat(adminApi().json("/api/v1/admin/registration").get("open").asBoolean()).isTrue();
        assertThat(browser.page("/register").select("form#register")).hasSize(1);
    }

    @Test
    void badRegistrationsSayWhatToFix() {
        setRegistration(true);
        WebSession browser = new WebSession(server.url());
        String taken = admin.name();

        assertThat(problem(register(browser, "-bad-", "x@example.org", PASSWORD, PASSWORD))).contains("a user name is");
        assertThat(problem(register(browser, unique("ok"), "not-an-address", PASSWORD, PASSWORD)))
                .contains("is not an email address");
        assertThat(problem(register(browser, unique("ok"), "ok@example.org", "short", "short"))).contains("at least 8");
        assertThat(problem(register(browser, unique("ok"), "ok@example.org", PASSWORD, "other one"))).contains("differ");
        HttpResponse<String> duplicate = register(browser, taken, "fresh@example.org", PASSWORD, PASSWORD);
        assertThat(problem(duplicate)).contains("already taken");
        assertThat(Jsoup.parse(duplicate.body()).selectFirst("#email").val()).isEqualTo("fresh@example.org");
        assertThat(problem(register(browser, "<script>x</script>", "a@example.org", PASSWORD, PASSWORD)))
                .contains("<script>x</script>");
        assertThat(register(browser, "<script>x</script>", "a@example.org", PASSWORD, PASSWORD).body())
                .doesNotContain("<script>x</script>");

        assertThat(browser.post("/register", Map.of("name", unique("nocsrf"), "email", "n@example.org",
                "password", PASSWORD, "confirmPassword", PASSWORD)).statusCode()).isEqualTo(403);
    }

    @Test
    void aPasswordIsResetThroughASingleUseEmailedLink() {
        User user = server.bean(AccountService.class).create(new NewUser(unique("forgetful"),
                unique("forgetful") + "@example.org", "", PASSWORD, Set.of()));
        WebSession browser = new WebSession(server.url());

        String known = messageAfterAsking(browser, user.email());
        String unknown = messageAfterAsking(browser, unique("nobody") + "@example.org");
        assertThat(known).isEqualTo(unknown);
        String link = linkMailedTo(user.email());
        assertThat(link).startsWith("/password-reset/confirm?token=");

        HttpResponse<String> mismatch = browser.submit(link, "form#new-password",
                Map.of("newPassword", "a new secret", "confirmPassword", "another"));
        assertThat(problem(mismatch)).contains("differ");
        HttpResponse<String> changed = browser.submit(link, "form#new-password",
                Map.of("newPassword", "a new secret", "confirmPassword", "a new secret"));
        assertThat(Jsoup.parse(changed.body()).selectFirst("#message").text()).contains("was changed");
        assertThat(logsIn(user.name(), "a new secret")).isTrue();
        assertThat(logsIn(user.name(), PASSWORD)).isFalse();
        assertThat(browser.page(link).select("#unusable")).hasSize(1);
    }

    @Test
    void aNewResetLinkRetiresTheOldOneAndRequestsAreBounded() {
        User user = server.bean(AccountService.class).create(new NewUser(unique("asker"),
                unique("asker") + "@example.org", "", PASSWORD, Set.of()));
        WebSession browser = new WebSession(server.url());
        messageAfterAsking(browser, user.email());
        String first = linkMailedTo(user.email());
        for (int request = 0; request < 4; request++) {
            messageAfterAsking(browser, user.email().toUpperCase());
        }

        assertThat(browser.page(first).select("#unusable")).hasSize(1);
        assertThat(jdbc().sql("SELECT COUNT(*) FROM mail_outbox WHERE recipient = :to").param("to", user.email())
                .query(Long.class).single()).isEqualTo(PasswordResetService.MAX_MAILS_PER_HOUR);
    }

    private String messageAfterAsking(WebSession browser, String email) {
        HttpResponse<String> answer = browser.submit("/password-reset", "form#password-reset", Map.of("email", email));
        assertThat(answer.statusCode()).isEqualTo(200);
        return Jsoup.parse(answer.body()).selectFirst("#message").text();
    }

    private static String problem(HttpResponse<String> page) {
        Document document = Jsoup.parse(page.body());
        assertThat(document.select(".problem")).as("a problem on " + page.uri()).isNotEmpty();
        return document.selectFirst(".problem").text();
    }

    private JdbcClient jdbc() {
        return server.bean(JdbcClient.class);
    }
}
