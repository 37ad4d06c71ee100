package org.shequ.model.events.food;

import java.time.Instant;
import java.util.List;
import org.shequ.model.events.DomainEvent;
import org.shequ.model.events.EventType;

/**
 * Rectification orders on their own, on {@code shequ.food-inspections.v1}, keyed by the order: the overdue job
 * announces many orders of one inspection at once from several replicas, and one key per order keeps their
 * announcements from queueing on each other.
 */
public sealed interface RectificationEvent extends DomainEvent permits RectificationEvent.Overdue {

    List<EventType> TYPES = List.of(
            EventType.of("food-inspections", "rectification", "overdue", Overdue.class));

    String rectificationId();

    @Override
    default String aggregateId() {
        return rectificationId();
    }

    /** An order passed its due date still open; announced once, by whichever replica's job found it. */
    record Overdue(String rectificationId, String inspectionId, String providerId, String item, Instant dueAt,
                   Instant announcedAt) implements RectificationEvent {
    }
}
