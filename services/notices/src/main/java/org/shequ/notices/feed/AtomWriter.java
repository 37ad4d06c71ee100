package org.shequ.notices.feed;

import static org.shequ.notices.feed.Xml.text;

import java.io.StringWriter;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.shequ.platform.web.ApiValues;

/** Atom 1.0 (RFC 4287) for the notices feed and the CAP index: one entry per notice. */
final class AtomWriter {

    static final String MEDIA_TYPE = "application/atom+xml";
    private static final String NAMESPACE = "http://www.w3.org/2005/Atom";

    /** One entry: the link is the notice itself, or its CAP message for the index. */
    record Entry(String id, String title, String author, Instant published, Instant updated, String summary,
                 String category, String link, String linkType) {
    }

    private AtomWriter() {
    }

    static String write(String feedId, String title, String self, Instant updated, List<Entry> entries) {
        try {
            StringWriter out = new StringWriter();
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(NAMESPACE);
            text(xml, "id", feedId);
            text(xml, "title", title);
            text(xml, "updated", time(updated));
            link(xml, "self", self, MEDIA_TYPE);
            xml.writeStartElement("author");
            text(xml, "name", "Shequ 社区");
            xml.writeEndElement();
            text(xml, "generator", "Shequ notices");
            for (Entry entry : entries) {
                xml.writeStartElement("entry");
                text(xml, "id", entry.id());
                text(xml, "title", entry.title());
                text(xml, "updated", time(entry.updated()));
                if (entry.published() != null) {
                    text(xml, "published", time(entry.published()));
                }
                xml.writeStartElement("author");
                text(xml, "name", entry.author());
                xml.writeEndElement();
                xml.writeEmptyElement("category");
                xml.writeAttribute("term", entry.category());
                link(xml, "alternate", entry.link(), entry.linkType());
                text(xml, "summary", entry.summary());
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
            return out.toString();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write the Atom feed", e);
        }
    }

    private static void link(XMLStreamWriter xml, String rel, String href, String type) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("type", type);
        xml.writeAttribute("href", href);
    }

    private static String time(Instant instant) {
        return ApiValues.local(instant).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
