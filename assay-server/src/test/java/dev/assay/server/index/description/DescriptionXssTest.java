package dev.assay.server.index.description;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DescriptionXssTest {

    private static final Pattern SAFE_URL = Pattern.compile("(?i)(https?:|mailto:|#)\\S*");

    private final DescriptionRenderer renderer = new DescriptionRenderer(DescriptionProperties.defaults());

    @ParameterizedTest
    @ValueSource(strings = {
            "<script>alert(1)</script>",
            "text <script src=\"https://evil.example/x.js\"></script> more",
            "<img src=x onerror=alert(1)>",
            "<img src=\"https://example.org/a.png\" onerror=\"alert(1)\" style=\"position:fixed\">",
            "[x](javascript:alert(1))",
            "[x](JaVaScRiPt:alert(1) \"t\")",
            "[x]: javascript:alert(1)\n\n[click][x]",
            "<a href=\"javascript:alert(1)\">click</a>",
            "<a href=\"  javascript:alert(1)\">click</a>",
            "<a href=\"jav&#x09;ascript:alert(1)\">click</a>",
            "<a href=\"jav&#x0A;ascript:alert(1)\">click</a>",
            "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">click</a>",
            "[x](jav&#x09;ascript:alert(1))",
            "<a href=\"vbscript:msgbox(1)\">click</a>",
            "<iframe src=\"https://evil.example\"></iframe>",
            "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
            "<svg onload=alert(1)><circle r=\"1\"/></svg>",
            "<svg><script>alert(1)</script></svg>",
            "<math><mi xlink:href=\"javascript:alert(1)\">m</mi></math>",
            "<style>body { display: none }</style>",
            "<p style=\"background:url(javascript:alert(1))\">styled</p>",
            "[d](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
            "<a href=\"data:text/html,<script>alert(1)</script>\">d</a>",
            "![i](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
            "<object data=\"https://evil.example/x.swf\"></object><embed src=\"x.swf\">",
            "<form action=\"https://evil.example\"><input name=\"q\"><button>go</button></form>",
            "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
            "<base href=\"https://evil.example/\">",
            "<link rel=\"stylesheet\" href=\"https://evil.example/x.css\">",
            "<div onmouseover=\"alert(1)\">hover</div>",
            "<details open ontoggle=alert(1)>",
            "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
            "<!-- <script>alert(1)</script> -->",
            "<scr<script>ipt>alert(1)</scr</script>ipt>",
            "<<script>script>alert(1)<</script>/script>",
            "<table><tr><td background=\"javascript:alert(1)\" onclick=\"alert(1)\">c</td></tr></table>",
            "<textarea><script>alert(1)</script></textarea>",
            "<template><script>alert(1)</script></template>",
            "<a href=\"https://example.org\" onclick=\"alert(1)\" formaction=\"javascript:alert(1)\">ok</a>",
            "| a |\n|---|\n| <img src=x onerror=alert(1)> |",
            "> <script>alert(1)</script>\n> [q](javascript:alert(1))",
            "- <iframe src=javascript:alert(1)>",
    })
    void hostileMarkdownIsNeutralised(String hostile) {
        Document page = Jsoup.parseBodyFragment(renderer.render(hostile, "text/markdown").html());

        assertThat(page.body().select("script, iframe, style, svg, math, object, embed, form, input, "
                + "button, meta, base, link, textarea, template, noscript, details, div")).isEmpty();
        for (Element element : page.body().getAllElements()) {
            for (Attribute attribute : element.attributes()) {
                String name = attribute.getKey().toLowerCase(Locale.ROOT);
                assertThat(name).as("attribute on <%s>", element.tagName())
                        .doesNotStartWith("on").isNotIn("style", "srcdoc", "formaction", "background");
                if (name.equals("href") || name.equals("src")) {
                    assertThat(attribute.getValue()).matches(SAFE_URL);
                }
            }
        }
        assertThat(page.body().html().toLowerCase(Locale.ROOT)).doesNotContain("javascript:", "data:");
    }

    @Test
    void scriptInsideACodeSpanIsShownAsEscapedText() {
        String html = renderer.render("Call `<script>alert(1)</script>` never.", "text/markdown").html();

        assertThat(html).contains("<code>&lt;script&gt;alert(1)&lt;/script&gt;</code>");
        Document page = Jsoup.parseBodyFragment(html);
        assertThat(page.select("script")).isEmpty();
        assertThat(page.selectFirst("code").text()).isEqualTo("<script>alert(1)</script>");
    }

    @Test
    void scriptInsideACodeBlockIsShownAsEscapedText() {
        Document page = Jsoup.parseBodyFragment(
                renderer.render("```html\n<script>alert(1)</script>\n```", "text/markdown").html());

        assertThat(page.select("script")).isEmpty();
        assertThat(page.selectFirst("pre > code").wholeText()).isEqualTo("<script>alert(1)</script>\n");
    }

    @Test
    void textAroundRemovedElementsIsKept() {
        Document page = Jsoup.parseBodyFragment(
                renderer.render("before <script>alert(1)</script> after <b>bold</b>", "text/markdown").html());

        assertThat(page.text()).isEqualTo("before after bold");
    }

    @Test
    void hostileLinkTextKeepsItsTextButLosesTheUrl() {
        Document page = Jsoup.parseBodyFragment(renderer.render("[click me](javascript:alert(1))", "text/markdown").html());

        assertThat(page.select("a").text()).isEqualTo("click me");
        assertThat(page.select("a").hasAttr("href")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "text/x-rst", "application/unknown"})
    void hostileTextInPreformattedFormatsIsEscaped(String contentType) {
        String hostile = "</pre><script>alert(1)</script><img src=x onerror=alert(1)>";

        Document page = Jsoup.parseBodyFragment(renderer.render(hostile, contentType).html());

        assertThat(page.body().children()).hasSize(1);
        assertThat(page.select("script, img")).isEmpty();
        assertThat(page.selectFirst("pre.description-text").wholeText()).isEqualTo(hostile);
    }
}
