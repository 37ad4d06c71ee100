package org.shequ.model.events.food;

import java.time.Instant;
import java.util.List;
import org.shequ.model.events.DomainEvent;
import org.shequ.model.events.EventType;

/** Inspections of after-school meal providers (小饭桌), on {@code shequ.food-inspections.v1}. */
public sealed interface InspectionEvent extends DomainEvent
        permits InspectionEvent.Recorded, InspectionEvent.RectificationClosed {

    List<EventType> TYPES = List.of(
            EventType.of("food-inspections", "inspection", "recorded", Recorded.class),
            EventType.of("food-inspections", "inspection", "rectification-closed", RectificationClosed.class));

    String inspectionId();

    @Override
    default String aggregateId() {
        return inspectionId();
    }

    /** An inspection was recorded with its computed outcome; failed items carry rectification orders. */
    record Recorded(String inspectionId, String providerId, String type, String outcome,
                    List<String> failedItems, Instant inspectedAt) implements InspectionEvent {
    }

    /** A follow-up re-checked a failed item and closed its rectification order. */
    record RectificationClosed(String inspectionId, String item, String closedByInspectionId, Instant closedAt)
            implements InspectionEvent {
    }
}
