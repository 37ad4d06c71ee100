package org.shequ.renovations.disruption.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.shequ.renovations.disruption.DisruptionKind;

public record DisruptionView(String id, String projectId, DisruptionKind kind, OffsetDateTime startsAt,
                             OffsetDateTime endsAt, @Schema(nullable = true) String description, List<AreaDto> areas,
                             String status, int revision, @Schema(nullable = true) String cancelReason,
                             OffsetDateTime createdAt, OffsetDateTime updatedAt,
                             @JsonIgnore @Schema(hidden = true) long version) {
}
