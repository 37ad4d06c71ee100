package org.shequ.notices.notice.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.shequ.notices.notice.NoticeKind;
import org.shequ.notices.notice.NoticeStatus;

@Schema(description = "A notice as residents and integrators see it. Instants are in Asia/Shanghai (+08:00).")
public record NoticeView(
        String id,
        NoticeKind kind,
        NoticeStatus status,
        String title,
        String issuer,
        @Schema(nullable = true) String reason,
        @Schema(nullable = true) String instructions,
        OffsetDateTime startsAt,
        OffsetDateTime endsAt,
        List<AreaDto> areas,
        @Schema(nullable = true) String community,
        @Schema(nullable = true) String contact,
        @Schema(nullable = true) OffsetDateTime publishedAt,
        @Schema(nullable = true, description = "For a draft: when it is to be published") OffsetDateTime publishAt,
        @Schema(nullable = true) OffsetDateTime cancelledAt,
        @Schema(nullable = true) String cancelReason,
        @Schema(nullable = true, description = "When service came back, for a notice restored before its planned end")
        OffsetDateTime restoredAt,
        @Schema(nullable = true, description = "What residents read with the latest restoration or extension")
        String changeNote,
        @Schema(description = "Rises with each change to a published notice") int sequence,
        @Schema(nullable = true, description = "Hours between publication and start that residents had to prepare "
                + "(planned water outages)") Integer warningHours,
        @Schema(nullable = true, description = "True when a planned water outage was published less than 24 hours "
                + "before it starts") Boolean lateWarning,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        @JsonIgnore @Schema(hidden = true) long version) {
}
