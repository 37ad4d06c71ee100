package org.shequ.notices.notice;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.shequ.model.events.notices.NoticeEvent;
import org.shequ.notices.notice.api.AreaDto;
import org.shequ.notices.notice.api.GeoJsonGeometry;
import org.shequ.notices.notice.api.HouseNumbers;
import org.shequ.notices.notice.api.NoticeView;
import org.shequ.platform.web.ApiValues;

/** Entity to API record and to event snapshot; the only code that knows both shapes. */
final class NoticeMapper {

    /** A planned outage is to be published at least this long before it starts. */
    static final int MIN_WARNING_HOURS = 24;

    private static final com.fasterxml.jackson.databind.ObjectMapper GEOJSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    private NoticeMapper() {
    }

    /** The notice as residents see it at {@code now} (EXPIRED once its window has passed). */
    static NoticeView view(Notice n, Instant now) {
        Integer warningHours = warningHours(n);
        return new NoticeView(n.id, n.kind, n.statusAt(now), n.title, n.issuer, n.reason, n.instructions,
                ApiValues.local(n.startsAt), ApiValues.local(n.endsAt),
                n.areas.stream().map(NoticeMapper::area).toList(), n.community, n.contact,
                ApiValues.local(n.publishedAt), ApiValues.local(n.publishAt), ApiValues.local(n.cancelledAt), n.cancelReason,
                ApiValues.local(n.restoredAt), n.changeNote, n.sequence,
                warningHours, warningHours == null ? null : warningHours < MIN_WARNING_HOURS,
                ApiValues.local(n.createdAt), ApiValues.local(n.updatedAt), n.version);
    }

    /**
     * The whole hours residents had between a planned outage's publication by this service and its start (0 when it
     * was published late or after it began); null for other kinds (an emergency repair is exempt), for drafts, and for
     * notices imported with a client's publishedAt, whose real warning this service cannot know.
     */
    static Integer warningHours(Notice n) {
        if (!n.kind.isPlannedOutage() || n.announcedAt == null) {
            return null;
        }
        return (int) Math.max(0, Duration.between(n.announcedAt, n.startsAt).toHours());
    }

    static NoticeEvent.Snapshot snapshot(Notice n) {
        List<NoticeEvent.Area> areas = n.areas.stream()
                .map(a -> new NoticeEvent.Area(a.road, a.side, a.from, a.to, a.compound, a.description, a.segment()))
                .toList();
        return new NoticeEvent.Snapshot(n.kind.name(), n.title, n.issuer, n.community, n.startsAt, n.endsAt, areas);
    }

    static NoticeArea entity(AreaDto dto) {
        NoticeArea area = new NoticeArea();
        area.road = ApiValues.blankToNull(dto.road());
        area.side = ApiValues.blankToNull(dto.side());
        area.from = ApiValues.blankToNull(dto.from());
        area.to = ApiValues.blankToNull(dto.to());
        area.compound = ApiValues.blankToNull(dto.compound());
        area.description = ApiValues.blankToNull(dto.description());
        area.geometry = geometryText(dto.geometry());
        return area;
    }

    static AreaDto area(NoticeArea a) {
        return new AreaDto(a.road, a.side, a.from, a.to, a.compound, a.description, geometry(a.geometry),
                a.numberFrom == null ? null : new HouseNumbers(a.numberFrom, a.numberTo, a.parity));
    }

    /** The GeoJSON text an area keeps, as the record a client sent; both ways by Jackson. */
    static String geometryText(GeoJsonGeometry geometry) {
        try {
            return geometry == null ? null : GEOJSON.writeValueAsString(geometry);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a GeoJSON geometry", e);
        }
    }

    private static GeoJsonGeometry geometry(String text) {
        try {
            return text == null ? null : GEOJSON.readValue(text, GeoJsonGeometry.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("A stored area geometry is not GeoJSON", e);
        }
    }
}
