package dev.assay.server.index.description;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

import dev.assay.server.testing.HttpApi;

/** The rendered description on a project's page, as a reader fetches it. */
final class ProjectPageDescription {

    private ProjectPageDescription() {
    }

    /** The element holding the description's HTML on {@code /project/NAME/}; fails unless the page shows one. */
    static Element of(HttpApi reader, String project) {
        HttpResponse<String> page = reader.get("project/" + project + "/");
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        Element rendered = Jsoup.parse(page.body()).selectFirst("#description .rendered");
        assertThat(rendered).as(page.body()).isNotNull();
        return rendered;
    }
}
