package dev.assay.server.upstream.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.assay.server.accounts.AccountService;
import dev.assay.server.accounts.Group;
import dev.assay.server.accounts.NewUser;
import dev.assay.server.testing.AxeCheck;
import dev.assay.server.testing.Browser;
import dev.assay.server.testing.TestDatabase;
import dev.assay.server.testing.TestServer;
import dev.assay.server.upstream.config.UpstreamRepository;
import dev.assay.server.upstream.rules.NameRule;
import dev.assay.server.upstream.rules.NameRuleRepository;

/**
 * {@code /admin/upstreams} in a real browser: an administrator adds an upstream and reserves a name with the forms,
 * and the page, on a desktop and a 390 px phone, has no serious accessibility violation and does not scroll sideways.
 */
class UpstreamAdminBrowserTest {

    private static final String PASSWORD = "correct horse battery";

    @Test
    void anAdministratorUsesThePageInABrowser(@TempDir Path work) throws Exception {
        Path data = Files.createDirectories(work.resolve("data"));
        try (TestDatabase database = TestDatabase.h2(data);
                TestServer server = TestServer.start(data, database, Map.of("assay.upstream.urls[0]",
                        "https://mirror:secret@pypi.example/simple/"));
                Browser browser = Browser.open(server.url(), work.resolve("profile"))) {
            server.bean(AccountService.class).create(new NewUser("ada", "ada@example.org", "", PASSWORD,
                    Set.of(Group.ADMINS)));
            server.bean(NameRuleRepository.class).insert("acme-*", NameRule.Action.DENY, Optional.of("ours"),
                    Optional.empty(), Instant.now());
            browser.go("login").type("username", "ada").type("password", PASSWORD);
            browser.clickAndWait("form[action$='/login'] button[type=submit]");

            browser.go("admin/upstreams");
            browser.find("#add-upstream input[name=url]").sendKeys("https://nexus.example/repository/pypi/simple");
            browser.clickAndWait("#add-upstream button[type=submit]");
            assertThat(browser.find("#notice").getText()).contains("https://nexus.example/repository/pypi/simple/");
            browser.find("#reserve-name input[name=pattern]").sendKeys("Internal_Tools");
            browser.clickAndWait("#reserve-name button[type=submit]");
            assertThat(browser.find("#rules").getText()).contains("internal-tools");
            assertThat(server.bean(UpstreamRepository.class).list()).hasSize(2);

            AxeCheck axe = AxeCheck.load();
            List<String> problems = new ArrayList<>();
            for (int width : new int[] {1280, 390}) {
                browser.viewport(width, 900).go("admin/upstreams");
                axe.violations(browser).forEach(violation -> problems.add(width + " px: " + violation));
                if (browser.scrollsSideways()) {
                    problems.add(width + " px: the whole page scrolls sideways");
                }
            }
            assertThat(problems).isEmpty();
        }
    }
}
