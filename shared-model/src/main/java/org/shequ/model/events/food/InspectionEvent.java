package org.shequ.model.events.food;

import java.time.Instant;
import java.util.List;
import org.shequ.model.events.DomainEvent;
import org.shequ.model.events.EventType;

/**
 * Inspections of after-school meal providers (小饭桌), on {@code shequ.food-inspections.v1}. No personal data: the
 * provider appears by id, business name, address and community, never its operator or phone.
 */
public sealed interface InspectionEvent extends DomainEvent
        permits InspectionEvent.Completed, InspectionEvent.RectificationClosed {

    List<EventType> TYPES = List.of(
            EventType.of("food-inspections", "inspection", "completed", Completed.class),
            EventType.of("food-inspections", "inspection", "rectification-closed", RectificationClosed.class));

    String inspectionId();

    @Override
    default String aggregateId() {
        return inspectionId();
    }

    /**
     * An inspection was recorded and scored. The grid-tasks service turns a {@code FAIL} into one
     * {@code FOOD_SAFETY_FOLLOW_UP} task in a grid of {@code community}, so the shape is a contract between the two:
     * fields may be added, none renamed or removed.
     *
     * @param outcome     {@code PASS}, {@code PASS_WITH_ISSUES} or {@code FAIL}
     * @param failedItems checklist items that failed, e.g. {@code SAMPLE_RETENTION}
     */
    /**
     * {@code rectificationsOpened}: the failed items this inspection opened an order for (an item whose order from an
     * earlier inspection is still open gets none); null in events written before it was carried.
     */
    record Completed(String inspectionId, String providerId, String providerName, String providerAddress,
                     String community, String type, String outcome, List<String> failedItems, Instant inspectedAt,
                     List<String> rectificationsOpened)
            implements InspectionEvent {

        public Completed(String inspectionId, String providerId, String providerName, String providerAddress,
                         String community, String type, String outcome, List<String> failedItems,
                         Instant inspectedAt) {
            this(inspectionId, providerId, providerName, providerAddress, community, type, outcome, failedItems,
                    inspectedAt, null);
        }
    }

    /** A follow-up re-checked a failed item and closed its rectification order. */
    record RectificationClosed(String inspectionId, String item, String closedByInspectionId, Instant closedAt)
            implements InspectionEvent {
    }
}
