package org.shequ.notices.feed;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import org.shequ.notices.geometry.AreaGeometry;
import org.shequ.notices.notice.Notice;
import org.shequ.notices.notice.NoticeStatus;
import org.shequ.platform.web.ApiValues;

/**
 * iCalendar (RFC 5545): one VEVENT per notice, so a resident's phone shows the outage in their calendar. The UID is
 * stable, SEQUENCE is the notice's, a cancelled notice stays in the feed as {@code STATUS:CANCELLED} so calendars
 * remove it, and times are local to Asia/Shanghai with its VTIMEZONE (no daylight saving since 1991).
 */
final class CalendarWriter {

    static final String MEDIA_TYPE = "text/calendar";
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final int MAX_OCTETS = 75;

    private CalendarWriter() {
    }

    /**
     * Where the notice is, for maps: GEO (RFC 5545 §3.8.1.6, latitude;longitude) and Apple's structured location, at
     * a point of the first area with a geometry.
     */
    private static void geo(StringBuilder ics, double[] point, String title, double radiusMetres) {
        String lat = String.format(java.util.Locale.ROOT, "%.6f", point[0]);
        String lon = String.format(java.util.Locale.ROOT, "%.6f", point[1]);
        line(ics, "GEO:" + lat + ";" + lon);
        // A parameter value is quoted and may hold neither quotes nor control characters.
        String quoted = title.replaceAll("[\"\\p{Cntrl}]", "");
        line(ics, "X-APPLE-STRUCTURED-LOCATION;VALUE=URI;X-APPLE-RADIUS=" + Math.round(radiusMetres) + ";X-TITLE=\""
                + quoted + "\":geo:" + lat + "," + lon);
    }

    static String write(String name, List<Notice> notices, Instant now, String baseUrl, double lineDistanceMetres) {
        StringBuilder ics = new StringBuilder();
        line(ics, "BEGIN:VCALENDAR");
        line(ics, "VERSION:2.0");
        line(ics, "PRODID:-//Shequ//Notices 1.0//ZH");
        line(ics, "CALSCALE:GREGORIAN");
        line(ics, "METHOD:PUBLISH");
        line(ics, "X-WR-CALNAME:" + escape(name));
        line(ics, "X-WR-TIMEZONE:Asia/Shanghai");
        line(ics, "BEGIN:VTIMEZONE");
        line(ics, "TZID:Asia/Shanghai");
        line(ics, "BEGIN:STANDARD");
        line(ics, "DTSTART:19700101T000000");
        line(ics, "TZOFFSETFROM:+0800");
        line(ics, "TZOFFSETTO:+0800");
        line(ics, "TZNAME:CST");
        line(ics, "END:STANDARD");
        line(ics, "END:VTIMEZONE");
        for (Notice notice : notices) {
            line(ics, "BEGIN:VEVENT");
            line(ics, "UID:notice-" + notice.id + "@shequ");
            line(ics, "DTSTAMP:" + UTC.format(now));
            line(ics, "DTSTART;TZID=Asia/Shanghai:" + ApiValues.local(notice.startsAt).format(LOCAL));
            line(ics, "DTEND;TZID=Asia/Shanghai:" + ApiValues.local(notice.endsAt).format(LOCAL));
            line(ics, "SUMMARY:" + escape(notice.title));
            line(ics, "DESCRIPTION:" + escape(description(notice)));
            if (!notice.areas.isEmpty()) {
                line(ics, "LOCATION:" + escape(CapWriter.areaDesc(notice)));
            }
            notice.areas.stream().map(area -> AreaGeometry.stored(area.geometry)).flatMap(java.util.Optional::stream)
                    .findFirst().ifPresent(shape -> geo(ics, shape.point(), CapWriter.areaDesc(notice),
                            lineDistanceMetres));
            line(ics, "CATEGORIES:" + notice.kind.name());
            line(ics, "SEQUENCE:" + notice.sequence);
            line(ics, "STATUS:" + (notice.status == NoticeStatus.CANCELLED ? "CANCELLED" : "CONFIRMED"));
            line(ics, "LAST-MODIFIED:" + UTC.format(notice.updatedAt));
            line(ics, "URL:" + baseUrl + "/api/v1/notices/" + notice.id);
            line(ics, "ORGANIZER;CN=" + param(notice.issuer) + ":mailto:notices@shequ.local");
            line(ics, "END:VEVENT");
        }
        line(ics, "END:VCALENDAR");
        return ics.toString();
    }

    private static String description(Notice notice) {
        return List.of(notice.reason == null ? "" : notice.reason, notice.instructions == null ? "" : notice.instructions,
                        notice.cancelReason == null ? "" : "已取消：" + notice.cancelReason)
                .stream().filter(s -> !s.isEmpty()).collect(Collectors.joining("\n"));
    }

    /** TEXT escaping (RFC 5545 §3.3.11). */
    static String escape(String text) {
        return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
                .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n");
    }

    /** A parameter value: quoted, without the characters a quoted value may not hold. */
    private static String param(String text) {
        return "\"" + text.replace("\"", "'").replaceAll("[\\p{Cntrl}]", " ") + "\"";
    }

    /** Folds a content line at 75 octets without splitting a UTF-8 character (RFC 5545 §3.1). */
    static void line(StringBuilder ics, String content) {
        int octets = 0;
        for (int i = 0; i < content.length(); ) {
            int codePoint = content.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > MAX_OCTETS) {
                ics.append("\r\n ");
                octets = 1;
            }
            ics.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
        ics.append("\r\n");
    }
}
