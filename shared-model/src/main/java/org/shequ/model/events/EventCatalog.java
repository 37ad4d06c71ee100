package org.shequ.model.events;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.shequ.model.events.food.InspectionEvent;
import org.shequ.model.events.food.ProviderEvent;
import org.shequ.model.events.food.RectificationEvent;
import org.shequ.model.events.food.SpotCheckEvent;
import org.shequ.model.events.grid.GridTaskEvent;
import org.shequ.model.events.notices.NoticeEvent;
import org.shequ.model.events.renovations.RenovationProjectEvent;
import org.shequ.model.events.webhooks.SubscriptionEvent;

/**
 * Every event type of the suite in one place, so a producer and a consumer can never disagree on a name.
 * A breaking change to a record gets a new entry with the next {@code .vN}; the old one stays until nobody sends it.
 */
public final class EventCatalog {

    private static final List<EventType> ALL = List.of(
            NoticeEvent.TYPES, GridTaskEvent.TYPES, ProviderEvent.TYPES, InspectionEvent.TYPES, RectificationEvent.TYPES,
            SpotCheckEvent.TYPES, RenovationProjectEvent.TYPES, SubscriptionEvent.TYPES).stream()
            .flatMap(List::stream)
            .toList();

    private static final Map<Class<?>, EventType> BY_CLASS =
            ALL.stream().collect(Collectors.toUnmodifiableMap(EventType::recordClass, Function.identity()));
    private static final Map<String, EventType> BY_TYPE =
            ALL.stream().collect(Collectors.toUnmodifiableMap(EventType::type, Function.identity()));

    private EventCatalog() {
    }

    public static EventType of(DomainEvent event) {
        EventType type = BY_CLASS.get(event.getClass());
        if (type == null) {
            throw new IllegalArgumentException("Event record not in the catalog: " + event.getClass().getName());
        }
        return type;
    }

    public static Optional<EventType> byType(String ceType) {
        return Optional.ofNullable(BY_TYPE.get(ceType));
    }

    public static List<EventType> all() {
        return ALL;
    }
}
