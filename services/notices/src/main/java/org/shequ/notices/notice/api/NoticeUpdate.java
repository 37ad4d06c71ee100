package org.shequ.notices.notice.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.shequ.notices.notice.NoticeKind;
import org.shequ.platform.json.LongText;

/**
 * The whole new content of a notice, for {@code PUT} with {@code If-Match}. A client may send back the view it read:
 * the view's read-only fields are accepted and ignored.
 */
@Schema(description = "The notice's new content. Read-only fields of the notice (id, status, sequence, timestamps, "
        + "warning figures) may be sent back and are ignored.")
@JsonIgnoreProperties({"id", "status", "sequence", "version", "publishedAt", "cancelledAt", "cancelReason",
        "createdAt", "updatedAt", "warningHours", "lateWarning", "matchedAreas", "restoredAt", "changeNote"})
public record NoticeUpdate(
        @NotNull NoticeKind kind,
        @NotBlank @Size(max = 200) String title,
        @NotBlank @Size(max = 200) String issuer,
        @LongText @Size(max = 4000) String reason,
        @LongText @Size(max = 4000) String instructions,
        @NotNull OffsetDateTime startsAt,
        @NotNull OffsetDateTime endsAt,
        @Size(max = 50) List<@Valid @NotNull AreaDto> areas,
        @Size(max = 100) String community,
        @Size(max = 200) String contact,
        @Schema(nullable = true, description = "For a draft: when to publish it (absent: it stays a draft); "
                + "a published notice takes none") OffsetDateTime publishAt) {

    /** The same content, in another community. */
    public NoticeUpdate inCommunity(String other) {
        return new NoticeUpdate(kind, title, issuer, reason, instructions, startsAt, endsAt, areas, other, contact,
                publishAt);
    }

    public List<AreaDto> areasOrEmpty() {
        return areas == null ? List.of() : areas;
    }
}
