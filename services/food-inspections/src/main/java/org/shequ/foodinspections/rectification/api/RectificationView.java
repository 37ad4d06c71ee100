package org.shequ.foodinspections.rectification.api;

import java.time.OffsetDateTime;

public record RectificationView(String id, String providerId, String inspectionId, String item, String itemLabel,
                                boolean critical, OffsetDateTime dueAt, String status, boolean overdue,
                                String closedBy, OffsetDateTime closedAt, OffsetDateTime overdueAnnouncedAt) {
}
