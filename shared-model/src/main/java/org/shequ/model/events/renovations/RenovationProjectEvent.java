package org.shequ.model.events.renovations;

import java.time.Instant;
import java.util.List;
import org.shequ.model.events.DomainEvent;
import org.shequ.model.events.EventType;

/** Old-compound renovation projects (老旧小区改造), on {@code shequ.renovations.v1}. */
public sealed interface RenovationProjectEvent extends DomainEvent
        permits RenovationProjectEvent.StatusChanged, RenovationProjectEvent.DisruptionAnnounced {

    List<EventType> TYPES = List.of(
            EventType.of("renovations", "project", "status-changed", StatusChanged.class),
            EventType.of("renovations", "project", "disruption-announced", DisruptionAnnounced.class));

    String projectId();

    @Override
    default String aggregateId() {
        return projectId();
    }

    record StatusChanged(String projectId, String compoundId, String from, String to, Instant at)
            implements RenovationProjectEvent {
    }

    /**
     * Works will disturb residents (noise, a closed road, water or power off). The notices service turns each one
     * into a notice, so residents hear of it through the same channels as a utility outage.
     */
    record DisruptionAnnounced(String projectId, String disruptionId, String compound, String kind,
                               Instant startsAt, Instant endsAt, String description, List<String> areas)
            implements RenovationProjectEvent {
    }
}
