package org.shequ.notices.notice;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.shequ.model.events.notices.NoticeEvent;
import org.shequ.notices.notice.api.AreaDto;
import org.shequ.notices.notice.api.NoticeView;

/** Entity to API record and to event snapshot; the only code that knows both shapes. */
final class NoticeMapper {

    /** The API's default zone: residents read 20:00, not 12:00Z. */
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private NoticeMapper() {
    }

    static NoticeView view(Notice n) {
        return new NoticeView(n.id, n.kind, n.status, n.title, n.issuer, n.reason, n.instructions,
                local(n.startsAt), local(n.endsAt), n.areas.stream().map(NoticeMapper::area).toList(), n.community,
                n.contact, local(n.publishedAt), local(n.cancelledAt), n.cancelReason, n.sequence, local(n.createdAt),
                local(n.updatedAt), n.version);
    }

    static NoticeEvent.Snapshot snapshot(Notice n) {
        List<NoticeEvent.Area> areas = n.areas.stream()
                .map(a -> new NoticeEvent.Area(a.road, a.side, a.from, a.to, a.compound, a.description))
                .toList();
        return new NoticeEvent.Snapshot(n.kind.name(), n.title, n.issuer, n.community, n.startsAt, n.endsAt, areas);
    }

    static NoticeArea entity(AreaDto dto) {
        NoticeArea area = new NoticeArea();
        area.road = blankToNull(dto.road());
        area.side = blankToNull(dto.side());
        area.from = blankToNull(dto.from());
        area.to = blankToNull(dto.to());
        area.compound = blankToNull(dto.compound());
        area.description = blankToNull(dto.description());
        return area;
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static AreaDto area(NoticeArea a) {
        return new AreaDto(a.road, a.side, a.from, a.to, a.compound, a.description);
    }

    private static OffsetDateTime local(Instant instant) {
        return instant == null ? null : instant.atZone(ZONE).toOffsetDateTime();
    }
}
