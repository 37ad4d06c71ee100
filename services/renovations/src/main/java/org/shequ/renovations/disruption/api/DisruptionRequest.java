package org.shequ.renovations.disruption.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.shequ.platform.json.LongText;
import org.shequ.renovations.disruption.DisruptionKind;

/** A disruption to announce, or its whole new content for PUT (the view's read-only fields are ignored). */
@JsonIgnoreProperties({"id", "projectId", "status", "revision", "noticeSource", "cancelReason", "createdAt",
        "updatedAt"})
@Schema(description = "Within the project's dates. The compound itself is always among the areas.")
public record DisruptionRequest(
        @NotNull DisruptionKind kind,
        @Schema(examples = "2024-10-08T08:00:00+08:00") @NotNull OffsetDateTime startsAt,
        @Schema(examples = "2024-10-20T18:00:00+08:00") @NotNull OffsetDateTime endsAt,
        @Schema(examples = "广场翻修施工，白天有切割噪音。") @LongText @Size(max = 2000) String description,
        @Size(max = 20) List<@Valid @NotNull AreaDto> areas) {

    public List<AreaDto> areasOrEmpty() {
        return areas == null ? List.of() : areas;
    }
}
