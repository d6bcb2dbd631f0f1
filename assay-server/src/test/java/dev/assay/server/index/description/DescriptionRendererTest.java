package dev.assay.server.index.description;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class DescriptionRendererTest {

    private final DescriptionRenderer renderer = new DescriptionRenderer(DescriptionProperties.defaults());

    private Document markdown(String text) {
        RenderedDescription rendered = renderer.render(text, "text/markdown");
        assertThat(rendered.format()).isEqualTo("markdown");
        return Jsoup.parseBodyFragment(rendered.html());
    }

    @Test
    void rendersHeadingsWithPrefixedUniqueAnchors() {
        Document page = markdown("# Getting Started!\n\n## Usage\n\n## Usage\n\n<h3 id=\"location\">Raw</h3>");

        assertThat(page.select("h1").text()).isEqualTo("Getting Started!");
        assertThat(page.select("h1, h2, h3").eachAttr("id")).containsExactly(
                "user-content-getting-started", "user-content-usage", "user-content-usage-1",
                "user-content-raw");
    }

    @Test
    void manyEqualHeadingsGetDistinctAnchors() {
        Document page = markdown("# a\n\n".repeat(1000) + "# a-1\n");

        assertThat(page.select("h1").eachAttr("id")).doesNotHaveDuplicates().hasSize(1001);
    }

    @Test
    void rendersListsAndEmphasis() {
        Document page = markdown("- one\n- **two**\n\n3. three\n4. *four* ~~five~~\n\n---\n\n> quoted");

        assertThat(page.select("ul > li")).hasSize(2);
        assertThat(page.select("ol").attr("start")).isEqualTo("3");
        assertThat(page.select("strong").text()).isEqualTo("two");
        assertThat(page.select("em").text()).isEqualTo("four");
        assertThat(page.select("del").text()).isEqualTo("five");
        assertThat(page.select("hr")).hasSize(1);
        assertThat(page.select("blockquote").text()).isEqualTo("quoted");
    }

    @Test
    void rendersGfmTablesWithAlignment() {
        Document page = markdown("| name | size |\n|------|-----:|\n| a | 1 |\n| b | 2 |\n");

        assertThat(page.select("table thead th").eachText()).containsExactly("name", "size");
        assertThat(page.select("table tbody tr")).hasSize(2);
        assertThat(page.select("td[align=right]").eachText()).containsExactly("1", "2");
    }

    @Test
    void rendersFencedCodeKeepingOnlyItsLanguageClass() {
        Document page = markdown("```python\nif a < b:\n    print('x')\n```\n\n<code class=\"btn danger\">c</code>");

        Element code = page.selectFirst("pre > code");
        assertThat(code.className()).isEqualTo("language-python");
        assertThat(code.wholeText()).isEqualTo("if a < b:\n    print('x')\n");
        assertThat(page.select("p > code").hasAttr("class")).isFalse();
    }

    @Test
    void linksGetNofollowUgcNoopenerWhateverRelTheyAskedFor() {
        Document page = markdown("[docs](https://example.org/docs) "
                + "<a href=\"http://example.org\" rel=\"opener\" target=\"_blank\">raw</a> "
                + "[mail](mailto:dev@example.org) https://auto.example.org");

        assertThat(page.select("a")).hasSize(4).allSatisfy(a -> {
            assertThat(a.attr("rel")).isEqualTo("nofollow ugc noopener");
            assertThat(a.hasAttr("target")).isFalse();
        });
        assertThat(page.select("a").eachAttr("href")).containsExactly(
                "https://example.org/docs", "http://example.org", "mailto:dev@example.org",
                "https://auto.example.org");
    }

    @Test
    void inPageAnchorLinksAreKept() {
        Document page = markdown("# Install\n\nSee [install](#user-content-install).");

        assertThat(page.select("a").attr("href")).isEqualTo("#user-content-install");
    }

    @Test
    void imagesFromHttpsAreKept() {
        Document page = markdown("![logo](https://example.org/logo.png \"Logo\")");

        Element img = page.selectFirst("img");
        assertThat(img.attr("src")).isEqualTo("https://example.org/logo.png");
        assertThat(img.attr("alt")).isEqualTo("logo");
        assertThat(img.attr("title")).isEqualTo("Logo");
    }

    @Test
    void commonMarkVariantLeavesGfmSyntaxAlone() {
        RenderedDescription rendered = renderer.render("| a |\n|---|\n| 1 |\n\n~~x~~",
                "text/markdown; variant=CommonMark; charset=UTF-8");

        assertThat(rendered.format()).isEqualTo("markdown");
        Document page = Jsoup.parseBodyFragment(rendered.html());
        assertThat(page.select("table, del")).isEmpty();
        assertThat(page.text()).contains("~~x~~");
    }

    @Test
    void rstIsShownEscapedAndPreformatted() {
        RenderedDescription rendered = renderer.render("Title\n=====\n\n<b>x</b> & \"y\"", "text/x-rst");

        assertThat(rendered.format()).isEqualTo("rst");
        assertThat(rendered.html()).isEqualTo("<pre class=\"description-text\">Title\n=====\n\n"
                + "&lt;b&gt;x&lt;/b&gt; &amp; &quot;y&quot;</pre>");
    }

    @Test
    void missingContentTypeIsTreatedAsRst() {
        assertThat(renderer.render("text", null).format()).isEqualTo("rst");
        assertThat(renderer.render("text", " ").format()).isEqualTo("rst");
    }

    @Test
    void plainTextIsShownEscapedAndPreformatted() {
        RenderedDescription rendered = renderer.render("<script>alert(1)</script>", "text/plain; charset=UTF-8");

        assertThat(rendered.format()).isEqualTo("plain");
        assertThat(rendered.html()).isEqualTo(
                "<pre class=\"description-text\">&lt;script&gt;alert(1)&lt;/script&gt;</pre>");
    }

    @Test
    void unknownOrMalformedContentTypeFallsBackToPlainText() {
        for (String type : new String[] {"application/x-weird", ";;;", "text/html", "=", "text/markdown2"}) {
            RenderedDescription rendered = renderer.render("<i>x</i>", type);

            assertThat(rendered.format()).as(type).isEqualTo("plain");
            assertThat(rendered.html()).as(type).isEqualTo("<pre class=\"description-text\">&lt;i&gt;x&lt;/i&gt;</pre>");
        }
    }

    @Test
    void nullDescriptionRendersEmpty() {
        assertThat(Jsoup.parseBodyFragment(renderer.render(null, "text/markdown").html()).text()).isEmpty();
        assertThat(renderer.render(null, "text/plain").html()).isEqualTo("<pre class=\"description-text\"></pre>");
    }

    @Test
    void descriptionOverTheLimitIsCutWithAVisibleNote() {
        DescriptionRenderer small = new DescriptionRenderer(new DescriptionProperties(DataSize.ofKilobytes(1)));

        RenderedDescription rendered = small.render("word ".repeat(1000), "text/plain");

        Document page = Jsoup.parseBodyFragment(rendered.html());
        assertThat(page.selectFirst("pre").wholeText()).hasSize(1024);
        assertThat(page.select("p.description-truncated").text()).contains("longer than 1 KiB");
    }

    @Test
    void truncationCountsUtf8BytesAndNeverSplitsACharacter() {
        DescriptionRenderer small = new DescriptionRenderer(new DescriptionProperties(DataSize.ofBytes(7)));

        RenderedDescription rendered = small.render("é😀é😀", "text/plain");

        // é is 2 bytes and 😀 is 4: 6 bytes fit, the next é would make 8
        assertThat(Jsoup.parseBodyFragment(rendered.html()).selectFirst("pre").wholeText()).isEqualTo("é😀");
        assertThat(rendered.html()).contains("longer than 7 bytes");
    }

    @Test
    void descriptionAtTheLimitHasNoNote() {
        DescriptionRenderer small = new DescriptionRenderer(new DescriptionProperties(DataSize.ofBytes(4)));

        assertThat(small.render("abcd", "text/markdown").html()).doesNotContain("description-truncated");
    }

    @Test
    void markdownTheParserRefusesIsShownAsText() {
        String wide = "|" + "a|".repeat(2000) + "\n|" + "-|".repeat(2000) + "\n" + "|x\n".repeat(600);

        RenderedDescription rendered = renderer.render(wide, "text/markdown");

        assertThat(rendered.format()).isEqualTo("plain");
        assertThat(rendered.html()).startsWith("<pre class=\"description-text\">|a|a|");
    }

    @Test
    void deeplyNestedMarkdownRendersWithoutOverflowingTheStack() {
        for (String hostile : new String[] {">".repeat(100_000), "- ".repeat(50_000) + "x",
                "*".repeat(100_000) + "a", "[".repeat(100_000), "<div>".repeat(50_000)}) {
            RenderedDescription rendered = renderer.render(hostile, "text/markdown");

            assertThat(rendered.format()).isEqualTo("markdown");
        }
    }

    @Test
    void relativeAddressesPointUnderTheGivenBasesOnlyWhenAsked() {
        String markdown = "[a](guide.md#part) [b](../up.txt) [c](/site) [d](//elsewhere.example/x) [e](#top) "
                + "[f](javascript:alert(1)) ![g](img/logo.png)";
        RelativeLinks relative = new RelativeLinks("/p/blob/main/docs/", "/p/raw/main/docs/");

        Document rebased = Jsoup.parseBodyFragment(renderer.render(markdown, "text/markdown", relative).html());
        assertThat(rebased.select("a").eachAttr("href"))
                .containsExactly("/p/blob/main/docs/guide.md#part", "/p/blob/main/up.txt", "#top");
        assertThat(rebased.selectFirst("img").attr("src")).isEqualTo("/p/raw/main/docs/img/logo.png");

        Document plain = Jsoup.parseBodyFragment(renderer.render(markdown, "text/markdown").html());
        assertThat(plain.select("a").eachAttr("href")).containsExactly("#top");
        assertThat(plain.select("img[src]")).isEmpty();
    }
}
