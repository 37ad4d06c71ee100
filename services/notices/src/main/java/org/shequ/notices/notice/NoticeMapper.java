package org.shequ.notices.notice;

import java.util.List;
import org.shequ.model.events.notices.NoticeEvent;
import org.shequ.notices.notice.api.AreaDto;
import org.shequ.notices.notice.api.NoticeView;
import org.shequ.platform.web.ApiValues;

/** Entity to API record and to event snapshot; the only code that knows both shapes. */
final class NoticeMapper {

    private NoticeMapper() {
    }

    static NoticeView view(Notice n) {
        return new NoticeView(n.id, n.kind, n.status, n.title, n.issuer, n.reason, n.instructions,
                ApiValues.local(n.startsAt), ApiValues.local(n.endsAt),
                n.areas.stream().map(NoticeMapper::area).toList(), n.community, n.contact,
                ApiValues.local(n.publishedAt), ApiValues.local(n.cancelledAt), n.cancelReason, n.sequence,
                ApiValues.local(n.createdAt), ApiValues.local(n.updatedAt), n.version);
    }

    static NoticeEvent.Snapshot snapshot(Notice n) {
        List<NoticeEvent.Area> areas = n.areas.stream()
                .map(a -> new NoticeEvent.Area(a.road, a.side, a.from, a.to, a.compound, a.description))
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
        return area;
    }

    private static AreaDto area(NoticeArea a) {
        return new AreaDto(a.road, a.side, a.from, a.to, a.compound, a.description);
    }
}
