package org.shequ.renovations.project;

import static org.shequ.renovations.project.ProjectStatus.ACCEPTED;
import static org.shequ.renovations.project.ProjectStatus.APPROVED;
import static org.shequ.renovations.project.ProjectStatus.CANCELLED;
import static org.shequ.renovations.project.ProjectStatus.COMPLETED;
import static org.shequ.renovations.project.ProjectStatus.IN_PROGRESS;
import static org.shequ.renovations.project.ProjectStatus.PLANNED;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A project's workflow as data: PLANNED → APPROVED → IN_PROGRESS → COMPLETED → ACCEPTED, and CANCELLED from any status
 * before the works are done. Everything else is a 409 naming what is allowed.
 */
public enum ProjectAction {
    APPROVE(Map.of(PLANNED, APPROVED)),
    START(Map.of(APPROVED, IN_PROGRESS)),
    COMPLETE(Map.of(IN_PROGRESS, COMPLETED)),
    ACCEPT(Map.of(COMPLETED, ACCEPTED)),
    CANCEL(Map.of(PLANNED, CANCELLED, APPROVED, CANCELLED, IN_PROGRESS, CANCELLED));

    private final Map<ProjectStatus, ProjectStatus> moves;

    ProjectAction(Map<ProjectStatus, ProjectStatus> moves) {
        this.moves = moves;
    }

    public Optional<ProjectStatus> from(ProjectStatus status) {
        return Optional.ofNullable(moves.get(status));
    }

    public String pathName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static List<String> allowedFrom(ProjectStatus status) {
        return Arrays.stream(values()).filter(a -> a.moves.containsKey(status)).map(ProjectAction::pathName).toList();
    }
}
