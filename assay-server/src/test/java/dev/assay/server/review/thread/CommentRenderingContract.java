package dev.assay.server.review.thread;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import dev.assay.server.testing.WebSession;

import tools.jackson.databind.JsonNode;

/**
 * Comment bodies as pages show them: Markdown sanitised, hostile bodies defused, mentions, #N and configured
 * issue-tracker references linked; tracker patterns validated; once per database.
 */
abstract class CommentRenderingContract extends ThreadFixture {

    @Test
    void scriptsEventHandlersAndJavascriptLinksAreRemoved() {
        String html = rendered("<script>alert(1)</script> [click](javascript:alert(2)) "
                + "<a href=\"https://example.org\" onclick=\"alert(3)\">x</a> <img src=x onerror=alert(4)> "
                + "<iframe src=\"https://evil.example\"></iframe><style>body{}</style>");

        Element body = Jsoup.parseBodyFragment(html).body();
        assertThat(body.select("script, iframe, style, [onclick], [onerror]")).isEmpty();
        assertThat(body.select("a[href^=javascript]")).isEmpty();
        assertThat(html).doesNotContain("alert(1)</script>");
        assertThat(body.select("a[href=https://example.org]")).hasSize(1);
    }

    @Test
    void attributeInjectionStaysText() {
        String html = rendered("@olive\"onmouseover=\"alert(1) and <b title='x\" onmouseover=alert(2)'>b</b>");

        Element body = Jsoup.parseBodyFragment(html).body();
        assertThat(body.select("[onmouseover]")).isEmpty();
        assertThat(body.select("a.mention").attr("href")).isEqualTo("/users/olive");
    }

    @Test
    void mentionsOfExistingUsersLinkToTheirPage() {
        String html = rendered("Thanks @Spencer and @nobody; mail me@olive.org; `@olive` in code.");

        Element body = Jsoup.parseBodyFragment(html).body();
        assertThat(body.select("a.mention")).hasSize(1);
        assertThat(body.selectFirst("a.mention").attr("href")).isEqualTo("/users/spencer");
        assertThat(body.selectFirst("a.mention").text()).isEqualTo("@Spencer");
        assertThat(body.text()).contains("@nobody", "me@olive.org", "@olive");
    }

    @Test
    void numbersOfExistingDiscussionsLinkToTheirPage() {
        long other = review();

        String html = rendered("See #" + other + ", not #99999999 nor `#" + other + "`.");

        Element body = Jsoup.parseBodyFragment(html).body();
        assertThat(body.select("a.discussion-link")).hasSize(1);
        assertThat(body.selectFirst("a.discussion-link").attr("href")).isEqualTo("/reviews/" + other);
        assertThat(body.text()).contains("#99999999");
    }

    @Test
    void trackerReferencesBecomeLinksOnceAnAdministratorAddsAPattern() {
        JsonNode added = created(admin.post("api/v1/admin/tracker-patterns",
                "{\"pattern\":\"rhbz#(\\\\d+)\",\"url\":\"https://bugzilla.redhat.com/show_bug.cgi?id=$1\"}"));
        try {
            String html = rendered("Fixes rhbz#123.");

            Element link = Jsoup.parseBodyFragment(html).body().selectFirst("a.tracker-link");
            assertThat(link).isNotNull();
            assertThat(link.attr("href")).isEqualTo("https://bugzilla.redhat.com/show_bug.cgi?id=123");
            assertThat(link.text()).isEqualTo("rhbz#123");
            assertThat(html).doesNotContain("discussion-link");
        } finally {
            admin.delete("api/v1/admin/tracker-patterns/" + added.get("id").asLong());
        }
    }

    @Test
    void trackerGroupsAreEncodedIntoTheLink() {
        JsonNode added = created(admin.post("api/v1/admin/tracker-patterns",
                "{\"pattern\":\"ticket:(\\\\S+)\",\"url\":\"https://tracker.example/t/$1\"}"));
        try {
            String html = rendered("ticket:\"onmouseover=alert(1)");

            Element link = Jsoup.parseBodyFragment(html).body().selectFirst("a.tracker-link");
            assertThat(link.attr("href")).isEqualTo("https://tracker.example/t/%22onmouseover%3Dalert%281%29");
            assertThat(Jsoup.parseBodyFragment(html).body().select("[onmouseover]")).isEmpty();
        } finally {
            admin.delete("api/v1/admin/tracker-patterns/" + added.get("id").asLong());
        }
    }

    @Test
    void badTrackerPatternsAreRefusedWithWhatToFix() {
        HttpResponse<String> notAdmin = sponsor.post("api/v1/admin/tracker-patterns",
                "{\"pattern\":\"x(\\\\d+)\",\"url\":\"https://example.org/$1\"}");
        HttpResponse<String> invalid = admin.post("api/v1/admin/tracker-patterns",
                "{\"pattern\":\"x(\\\\d+\",\"url\":\"https://example.org/$1\"}");
        HttpResponse<String> catastrophic = admin.post("api/v1/admin/tracker-patterns",
                "{\"pattern\":\"(.*a){12}b\",\"url\":\"https://example.org/$1\"}");
        HttpResponse<String> missingGroup = admin.post("api/v1/admin/tracker-patterns",
                "{\"pattern\":\"x(\\\\d+)\",\"url\":\"https://example.org/$2\"}");
        HttpResponse<String> script = admin.post("api/v1/admin/tracker-patterns",
                "{\"pattern\":\"x(\\\\d+)\",\"url\":\"javascript:alert($1)\"}");
        HttpResponse<String> empty = admin.post("api/v1/admin/tracker-patterns", "{\"pattern\":\"x*\",\"url\":\"https://e.org/\"}");

        assertThat(notAdmin.statusCode()).isEqualTo(403);
        assertThat(notAdmin.body()).contains("needs an administrator");
        assertThat(invalid.body()).contains("not a valid regular expression");
        assertThat(catastrophic.body()).contains("takes too long");
        assertThat(missingGroup.body()).contains("uses $2 but the pattern has 1 group(s)");
        assertThat(script.body()).contains("must be an http:// or https:// address");
        assertThat(empty.body()).contains("matches empty text");
        for (HttpResponse<String> refused : java.util.List.of(invalid, catastrophic, missingGroup, script, empty)) {
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        }
        assertThat(ok(admin.get("api/v1/admin/tracker-patterns")).toString()).doesNotContain("(.*a){12}b");
    }

    @Test
    void administratorManagesPatternsOnTheirPage() {
        WebSession ada = new WebSession(server.url());
        ada.logIn("ada", PASSWORD);

        ada.submit("admin/tracker-patterns", "#add-tracker", Map.of("pattern", "gh-(\\d+)",
                "url", "https://example.org/issues/$1"));
        String page = ada.get("admin/tracker-patterns").body();
        ada.submit("admin/tracker-patterns", "#tracker-patterns form", Map.of());

        assertThat(page).contains("gh-(\\d+)", "https://example.org/issues/$1");
        assertThat(ada.get("admin/tracker-patterns").body()).doesNotContain("gh-(\\d+)");
        WebSession sam = new WebSession(server.url());
        sam.logIn("sam", PASSWORD);
        assertThat(sam.get("admin/tracker-patterns").statusCode()).isEqualTo(403);
    }

    private String rendered(String body) {
        long review = review();
        return created(owner.post(threads(review), general(body))).get("comments").get(0).get("html").asString();
    }
}
