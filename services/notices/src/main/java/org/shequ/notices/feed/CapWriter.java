package org.shequ.notices.feed;

import static org.shequ.notices.feed.Xml.text;

import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.shequ.notices.notice.Notice;
import org.shequ.notices.notice.NoticeAlert;
import org.shequ.notices.geometry.AreaGeometry;
import org.shequ.notices.notice.NoticeArea;
import org.shequ.platform.web.ApiValues;

/**
 * A notice's latest message as OASIS CAP 1.2. The first publication is an {@code Alert}; each later change an
 * {@code Update} (a restoration or an extension with its note) and the cancellation a {@code Cancel}, each
 * referencing every message before it. What public alert
 * aggregators require is always there: {@code expires}, {@code description} and an {@code area}, an {@code event}
 * under 35 characters and an {@code areaDesc} under 50.
 */
final class CapWriter {

    static final String NAMESPACE = "urn:oasis:names:tc:emergency:cap:1.2";
    static final String MEDIA_TYPE = "application/cap+xml";
    /** CAP's dateTime: seconds and a numeric offset, never fractions or "Z". */
    private static final DateTimeFormatter CAP_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");
    private static final int MAX_AREA_DESC = 49;

    private final String sender;
    private final double lineDistanceMetres;

    CapWriter(String sender, double lineDistanceMetres) {
        this.sender = sender;
        this.lineDistanceMetres = lineDistanceMetres;
    }

    String identifier(Notice notice, int sequence) {
        return "urn:shequ:notice:" + notice.id + ":" + sequence;
    }

    String write(Notice notice, List<NoticeAlert> alerts, String web) {
        NoticeAlert latest = alerts.get(alerts.size() - 1);
        try {
            StringWriter out = new StringWriter();
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("alert");
            xml.writeDefaultNamespace(NAMESPACE);
            text(xml, "identifier", identifier(notice, latest.sequence));
            text(xml, "sender", sender);
            text(xml, "sent", time(latest.sentAt));
            text(xml, "status", "Actual");
            text(xml, "msgType", latest.msgType);
            text(xml, "scope", "Public");
            if (notice.cancelReason != null && latest.msgType.equals("Cancel")) {
                text(xml, "note", notice.cancelReason);
            } else if (latest.note != null) {
                text(xml, "note", latest.note);
            }
            if (alerts.size() > 1) {
                // Every earlier message, first to last, so a receiver that missed one still links the chain.
                text(xml, "references", alerts.subList(0, alerts.size() - 1).stream()
                        .map(earlier -> sender + "," + identifier(notice, earlier.sequence) + "," + time(earlier.sentAt))
                        .collect(Collectors.joining(" ")));
            }
            info(xml, notice, latest.sentAt, web);
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
            return out.toString();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write CAP for notice " + notice.id, e);
        }
    }

    private void info(XMLStreamWriter xml, Notice notice, Instant sent, String web) throws XMLStreamException {
        CapProfile profile = CapProfile.of(notice.kind);
        xml.writeStartElement("info");
        text(xml, "language", "zh-CN");
        text(xml, "category", profile.category);
        text(xml, "event", profile.event);
        text(xml, "urgency", urgency(sent, notice.startsAt, notice.endsAt));
        text(xml, "severity", profile.severity);
        text(xml, "certainty", profile.certainty);
        text(xml, "effective", time(notice.publishedAt != null ? notice.publishedAt : sent));
        text(xml, "onset", time(notice.startsAt));
        text(xml, "expires", time(notice.endsAt));
        text(xml, "senderName", notice.issuer);
        text(xml, "headline", notice.title);
        text(xml, "description", notice.reason != null ? notice.reason : notice.title);
        if (notice.instructions != null) {
            text(xml, "instruction", notice.instructions);
        }
        text(xml, "web", web);
        if (notice.contact != null) {
            text(xml, "contact", notice.contact);
        }
        xml.writeStartElement("area");
        text(xml, "areaDesc", areaDesc(notice));
        for (NoticeArea area : notice.areas) {
            // CAP has no lines: a line is sent as the band within the matching distance of it.
            AreaGeometry.stored(area.geometry).ifPresent(shape -> {
                try {
                    text(xml, "polygon", shape.outline(lineDistanceMetres).stream()
                            .map(p -> String.format(java.util.Locale.ROOT, "%.6f,%.6f", p[0], p[1]))
                            .collect(Collectors.joining(" ")));
                } catch (XMLStreamException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        xml.writeEndElement();
        xml.writeEndElement();
    }

    /**
     * CAP urgency at the time the message was sent: Immediate once the window has begun, Expected within the hour
     * before it, Future earlier, Past after it.
     */
    static String urgency(Instant sent, Instant startsAt, Instant endsAt) {
        if (!sent.isBefore(endsAt)) {
            return "Past";
        }
        if (!sent.isBefore(startsAt)) {
            return "Immediate";
        }
        return Duration.between(sent, startsAt).compareTo(Duration.ofHours(1)) <= 0 ? "Expected" : "Future";
    }

    /** The areas in words, under 50 characters: 新建路路东(北沙河南岸—鑫磊大厦); cut with 等 when longer. */
    static String areaDesc(Notice notice) {
        String all = notice.areas.stream().map(CapWriter::describe).collect(Collectors.joining("、"));
        if (all.isBlank()) {
            all = notice.community != null ? notice.community : "辖区";
        }
        return all.codePointCount(0, all.length()) <= MAX_AREA_DESC ? all
                : all.substring(0, all.offsetByCodePoints(0, MAX_AREA_DESC - 1)) + "等";
    }

    private static String describe(NoticeArea area) {
        if (area.description != null) {
            return area.description;
        }
        if (area.compound != null) {
            return area.compound;
        }
        String span = area.from != null && area.to != null ? "(" + area.from + "—" + area.to + ")" : "";
        return area.road + (area.side != null ? area.side : "") + span;
    }

    static String time(Instant instant) {
        return ApiValues.local(instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)).format(CAP_TIME);
    }
}
