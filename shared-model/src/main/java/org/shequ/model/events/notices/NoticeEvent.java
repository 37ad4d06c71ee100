package org.shequ.model.events.notices;

import java.time.Instant;
import java.util.List;
import org.shequ.model.address.AddressMatcher;
import org.shequ.model.events.DomainEvent;
import org.shequ.model.events.EventType;

/** Everything that happens to a notice, as the notices service tells it on {@code shequ.notices.v1}. */
public sealed interface NoticeEvent extends DomainEvent
        permits NoticeDrafted, NoticePublished, NoticeUpdated, NoticeCancelled {

    List<EventType> TYPES = List.of(
            EventType.of("notices", "notice", "drafted", NoticeDrafted.class),
            EventType.of("notices", "notice", "published", NoticePublished.class),
            EventType.of("notices", "notice", "updated", NoticeUpdated.class),
            EventType.of("notices", "notice", "cancelled", NoticeCancelled.class));

    String noticeId();

    @Override
    default String aggregateId() {
        return noticeId();
    }

    /** One stretch of a road or one compound the notice affects, e.g. 新建路 路东 from 北沙河南岸 to 鑫磊大厦. */
    /**
     * Where a notice applies; {@code segment}: the house numbers the notices service's gazetteer placed a road's
     * stretch at (null: the whole road), so every consumer matches addresses by the same rule (AddressMatcher).
     */
    record Area(String road, String side, String from, String to, String compound, String description,
                AddressMatcher.Segment segment) {
        public Area(String road, String side, String from, String to, String compound, String description) {
            this(road, side, from, to, compound, description, null);
        }

        public AddressMatcher.Place place() {
            return new AddressMatcher.Place(road, compound, segment);
        }
    }

    /** What residents need to know about a notice; carried whole so consumers never call back for it. */
    record Snapshot(String kind, String title, String issuer, String community,
                    Instant startsAt, Instant endsAt, List<Area> areas) {
    }
}
