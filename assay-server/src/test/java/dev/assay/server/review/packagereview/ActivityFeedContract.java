package dev.assay.server.review.packagereview;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.assay.server.testing.WebSession;

/** A contributor's activity feed lists the package reviews they opened only to those who may read the held project. */
abstract class ActivityFeedContract extends ReviewFixture {

    @Test
    void anOpenedReviewOfAHeldProjectIsInTheFeedOnlyForThoseWhoMayReadIt() {
        String project = unique("feed-held");
        String contributor = newContributor();
        upload(project, "1.0", contributor);
        long review = reviewOf(project, contributor);
        String item = "<title>Opened package review #" + review + " of " + project + "</title>";
        String feed = "rss/user/" + contributor + "/activity.xml";

        assertThat(signedIn(contributor).get(feed).body()).contains(item, "/reviews/" + review + "</link>")
                .contains("<title>Released " + project + " 1.0</title>");
        assertThat(signedIn("rita").get(feed).body()).as("a package reviewer reads held projects").contains(item);
        assertThat(signedIn("sam").get(feed).body()).doesNotContain(project);
        assertThat(new WebSession(server.url()).get(feed).body()).doesNotContain(project);
    }
}
