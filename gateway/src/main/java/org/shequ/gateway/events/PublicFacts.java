package org.shequ.gateway.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which events the public stream carries, and what of them: only facts the REST API shows anyone at that moment,
 * in no more detail. Everything else is kept out, a type this list does not know included (deny by default):
 * <ul>
 *   <li>notices: published, updated and cancelled ones (a draft is not public; drafted events never are);</li>
 *   <li>grid tasks: the reports residents made, as Open311 shows them (category, title, compound, time); the
 *       internal tasks (worker visits, food-safety follow-ups) and the steps of any task's work are not;</li>
 *   <li>food safety: the ledger's registrations and completed inspections, both public; never a spot check's
 *       picks, a rectification order or an overdue notice, which only inspectors and admins read;</li>
 *   <li>renovations: projects, milestones, answered wishes and disruptions, all public.</li>
 * </ul>
 */
final class PublicFacts {

    private static final Set<String> PUBLIC_TYPES = Set.of(
            "shequ.notices.notice.published.v1", "shequ.notices.notice.updated.v1",
            "shequ.notices.notice.cancelled.v1",
            "shequ.food-inspections.provider.registered.v1", "shequ.food-inspections.inspection.completed.v1",
            "shequ.renovations.project.status-changed.v1", "shequ.renovations.project.started.v1",
            "shequ.renovations.project.completed.v1", "shequ.renovations.project.accepted.v1",
            "shequ.renovations.project.milestone-met.v1", "shequ.renovations.project.request-answered.v1",
            "shequ.renovations.project.disruption-announced.v1", "shequ.renovations.project.disruption-changed.v1",
            "shequ.renovations.project.disruption-cancelled.v1");
    private static final String TASK_REPORTED = "shequ.grid-tasks.task.reported.v1";
    /** What Open311's public view shows of a resident's report. */
    private static final List<String> REPORT_FIELDS = List.of("taskId", "category", "title", "compound", "reportedAt");

    private PublicFacts() {
    }

    /** The event's data as the public may see it, or empty when the event is not a public fact. */
    static Optional<JsonNode> publicData(String type, JsonNode data) {
        if (PUBLIC_TYPES.contains(type)) {
            return Optional.of(data);
        }
        if (TASK_REPORTED.equals(type) && "RESIDENT_REPORT".equals(data.path("source").asText())) {
            ObjectNode report = JsonNodeFactory.instance.objectNode();
            REPORT_FIELDS.stream().filter(data::has).forEach(field -> report.set(field, data.get(field)));
            return Optional.of(report);
        }
        return Optional.empty();
    }
}
