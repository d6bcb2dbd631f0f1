package dev.assay.server.index.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class RssWriterTest {

    @Test
    void markupAndCharactersXmlCannotHoldStayText() throws Exception {
        byte[] feed = RssWriter.channel("a <b> & \"c\"", "https://example.org/", "d",
                List.of(new FeedItem("x 1.0", "https://example.org/project/x/1.0/", "bell \u0007 </description>",
                        Instant.parse("2026-12-06T12:00:00Z"))));

        Document parsed = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(feed));

        assertThat(parsed.getElementsByTagName("title").item(0).getTextContent()).isEqualTo("a <b> & \"c\"");
        assertThat(parsed.getElementsByTagName("description").item(1).getTextContent())
                .isEqualTo("bell \uFFFD </description>");
        assertThat(parsed.getElementsByTagName("pubDate").item(0).getTextContent())
                .isEqualTo("Sun, 6 Dec 2026 12:00:00 GMT");
    }
}
