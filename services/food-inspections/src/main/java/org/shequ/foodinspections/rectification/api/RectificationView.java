package org.shequ.foodinspections.rectification.api;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record RectificationView(String id, String providerId, String inspectionId, String item, String itemLabel,
                                boolean critical, OffsetDateTime dueAt, String status, boolean overdue,
                                @Schema(nullable = true) String closedBy,
                                @Schema(nullable = true) OffsetDateTime closedAt,
                                @Schema(nullable = true) OffsetDateTime overdueAnnouncedAt) {
}
