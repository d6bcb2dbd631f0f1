package dev.assay.server.index.feeds;

import java.io.ByteArrayOutputStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** Writes an RSS 2.0 channel with the JDK's StAX writer, which escapes every text it is given. */
final class RssWriter {

    private RssWriter() {
    }

    /** The channel's document: its title, page and description, then one item per release. */
    static byte[] channel(String title, String link, String description, List<FeedItem> items) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(bytes, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("rss");
            xml.writeAttribute("version", "2.0");
            xml.writeStartElement("channel");
            element(xml, "title", title);
            element(xml, "link", link);
            element(xml, "description", description);
            for (FeedItem item : items) {
                xml.writeStartElement("item");
                element(xml, "title", item.title());
                element(xml, "link", item.link());
                element(xml, "guid", item.link());
                element(xml, "description", item.description());
                element(xml, "pubDate", DateTimeFormatter.RFC_1123_DATE_TIME.format(
                        item.published().atOffset(ZoneOffset.UTC)));
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException failure) {
            throw new IllegalStateException("cannot write a feed", failure);
        }
        return bytes.toByteArray();
    }

    /** The text with what XML 1.0 cannot hold (control characters, lone surrogates) replaced by U+FFFD. */
    static String xmlText(String text) {
        StringBuilder kept = new StringBuilder(text.length());
        text.codePoints().forEach(point -> kept.appendCodePoint(allowed(point) ? point : 0xFFFD));
        return kept.toString();
    }

    private static boolean allowed(int point) {
        return point == 0x9 || point == 0xA || point == 0xD || (point >= 0x20 && point <= 0xD7FF)
                || (point >= 0xE000 && point <= 0xFFFD) || (point >= 0x10000 && point <= 0x10FFFF);
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text == null ? "" : xmlText(text));
        xml.writeEndElement();
    }
}
