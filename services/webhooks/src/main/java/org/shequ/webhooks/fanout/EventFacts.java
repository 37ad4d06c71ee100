package org.shequ.webhooks.fanout;

import java.util.List;
import java.util.Optional;
import org.shequ.model.address.AddressMatcher;
import org.shequ.model.events.DomainEvent;
import org.shequ.model.events.food.InspectionEvent;
import org.shequ.model.events.food.ProviderEvent;
import org.shequ.model.events.food.SpotCheckEvent;
import org.shequ.model.events.notices.NoticeEvent;
import org.shequ.model.events.notices.NoticePublished;
import org.shequ.model.events.notices.NoticeUpdated;
import org.shequ.model.events.renovations.RenovationProjectEvent;

/**
 * What a subscription's filters look at in an event: its community, and the places it concerns (a notice's areas, a
 * renovation disruption's). Events that carry neither are not let through a filter that asks for them.
 */
final class EventFacts {

    private EventFacts() {
    }

    static Optional<String> community(DomainEvent event) {
        if (event instanceof NoticePublished p) {
            return Optional.ofNullable(p.notice().community());
        }
        if (event instanceof NoticeUpdated u) {
            return Optional.ofNullable(u.notice().community());
        }
        if (event instanceof InspectionEvent.Completed c) {
            return Optional.ofNullable(c.community());
        }
        if (event instanceof ProviderEvent.Registered r) {
            return Optional.ofNullable(r.community());
        }
        if (event instanceof SpotCheckEvent.Drawn d) {
            return Optional.ofNullable(d.community());
        }
        if (event instanceof RenovationProjectEvent.DisruptionAnnounced a) {
            return Optional.ofNullable(a.community());
        }
        if (event instanceof RenovationProjectEvent.DisruptionChanged c) {
            return Optional.ofNullable(c.community());
        }
        return Optional.empty();
    }

    /** Whether the event's places match the address, by the same rules as "am I affected?"; empty when it has none. */
    static Optional<Boolean> concerns(DomainEvent event, String address) {
        List<AddressMatcher.Place> places = places(event);
        return places.isEmpty() ? Optional.empty() : Optional.of(AddressMatcher.affects(address, places));
    }

    private static List<AddressMatcher.Place> places(DomainEvent event) {
        List<NoticeEvent.Area> areas = event instanceof NoticePublished p ? p.notice().areas()
                : event instanceof NoticeUpdated u ? u.notice().areas() : null;
        if (areas != null) {
            return areas.stream().map(NoticeEvent.Area::place).toList();
        }
        List<RenovationProjectEvent.Area> works = event instanceof RenovationProjectEvent.DisruptionAnnounced a
                ? a.areas() : event instanceof RenovationProjectEvent.DisruptionChanged c ? c.areas() : null;
        return works == null ? List.of()
                : works.stream().map(a -> new AddressMatcher.Place(a.road(), a.compound())).toList();
    }
}
