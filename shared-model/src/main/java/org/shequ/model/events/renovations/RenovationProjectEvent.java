package org.shequ.model.events.renovations;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.shequ.model.events.DomainEvent;
import org.shequ.model.events.EventType;

/**
 * Old-compound renovation projects (老旧小区改造), on {@code shequ.renovations.v1}, keyed by the project. No personal
 * data: residents who asked appear by the opaque id of their account only, so the service that tells them can.
 */
public sealed interface RenovationProjectEvent extends DomainEvent
        permits RenovationProjectEvent.StatusChanged, RenovationProjectEvent.Started, RenovationProjectEvent.Completed,
        RenovationProjectEvent.Accepted, RenovationProjectEvent.MilestoneMet, RenovationProjectEvent.RequestAnswered,
        RenovationProjectEvent.DisruptionAnnounced, RenovationProjectEvent.DisruptionChanged,
        RenovationProjectEvent.DisruptionCancelled {

    List<EventType> TYPES = List.of(
            EventType.of("renovations", "project", "status-changed", StatusChanged.class),
            EventType.of("renovations", "project", "started", Started.class),
            EventType.of("renovations", "project", "completed", Completed.class),
            EventType.of("renovations", "project", "accepted", Accepted.class),
            EventType.of("renovations", "project", "milestone-met", MilestoneMet.class),
            EventType.of("renovations", "project", "request-answered", RequestAnswered.class),
            EventType.of("renovations", "project", "disruption-announced", DisruptionAnnounced.class),
            EventType.of("renovations", "project", "disruption-changed", DisruptionChanged.class),
            EventType.of("renovations", "project", "disruption-cancelled", DisruptionCancelled.class));

    String projectId();

    @Override
    default String aggregateId() {
        return projectId();
    }

    /** Planned, approved or cancelled; the moves with events of their own are below. */
    record StatusChanged(String projectId, String compoundId, String from, String to, Instant at)
            implements RenovationProjectEvent {
    }

    record Started(String projectId, String compoundId, LocalDate actualStart, Instant at)
            implements RenovationProjectEvent {
    }

    /** Works finished; with the actual end and cost beside the planned ones, and why they differ. */
    record Completed(String projectId, String compoundId, String category, LocalDate actualEnd, BigDecimal actualCostCny,
                     LocalDate plannedEnd, BigDecimal budgetCny, String varianceReason, Instant at)
            implements RenovationProjectEvent {
    }

    /** The finished works passed acceptance (验收). */
    record Accepted(String projectId, String compoundId, Instant at) implements RenovationProjectEvent {
    }

    record MilestoneMet(String projectId, String milestoneId, String title, LocalDate dueDate, LocalDate metDate,
                        int physicalProgress, Instant at) implements RenovationProjectEvent {
    }

    /** A resident's wish (居民意愿) linked to the project is answered by its completion. */
    record RequestAnswered(String projectId, String requestId, String compoundId, String requesterId,
                           LocalDate answeredOn, Instant at) implements RenovationProjectEvent {
    }

    /**
     * Works will disturb residents (noise, a closed road or access, water or power off). The notices service turns
     * each one into a published notice, so residents hear of it through the same channels as a utility outage. A
     * change raises {@code revision}; the notice follows.
     */
    record DisruptionAnnounced(String projectId, String disruptionId, int revision, String projectTitle,
                               String compoundId, String compound, String community, String kind, Instant startsAt,
                               Instant endsAt, String description, List<Area> areas) implements RenovationProjectEvent {
    }

    record DisruptionChanged(String projectId, String disruptionId, int revision, String projectTitle,
                             String compoundId, String compound, String community, String kind, Instant startsAt,
                             Instant endsAt, String description, List<Area> areas) implements RenovationProjectEvent {
    }

    record DisruptionCancelled(String projectId, String disruptionId, int revision, String reason, Instant at)
            implements RenovationProjectEvent {
    }

    /** Where: a stretch of road (路东, from — to) or a compound, as notices describe areas. */
    record Area(String road, String side, String from, String to, String compound, String description) {
    }
}
