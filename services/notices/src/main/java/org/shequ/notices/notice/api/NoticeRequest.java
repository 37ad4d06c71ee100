package org.shequ.notices.notice.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.shequ.notices.notice.NoticeKind;
import org.shequ.platform.json.LongText;

@Schema(description = "A new notice. It stays a DRAFT unless publish is true, or until publishAt.")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NoticeRequest(
        @NotNull NoticeKind kind,
        @Schema(examples = "停水通知：新建路路东（北沙河南岸—鑫磊大厦）") @NotBlank @Size(max = 200) String title,
        @Schema(examples = "太原供水集团有限公司") @NotBlank @Size(max = 200) String issuer,
        @Schema(examples = "配合太原市新建路给水管线工程，需对供水管线进行改造。") @LongText @Size(max = 4000) String reason,
        @Schema(examples = "望相关区域内的用户周知并提前做好储水准备。") @LongText @Size(max = 4000) String instructions,
        @Schema(examples = "2024-11-26T20:00:00+08:00") @NotNull OffsetDateTime startsAt,
        @Schema(examples = "2024-11-27T08:00:00+08:00") @NotNull OffsetDateTime endsAt,
        @Size(max = 50) List<@Valid @NotNull AreaDto> areas,
        @Schema(examples = "新建南路第一社区") @Size(max = 100) String community,
        @Size(max = 200) String contact,
        @Schema(description = "When it was published, for notices imported after the fact; defaults to now")
        OffsetDateTime publishedAt,
        @Schema(description = "Publish at once instead of saving a draft") Boolean publish,
        @Schema(description = "Publish at this later time instead of now: a draft until then, announced (events, "
                + "feeds, webhooks, stream) when it comes; not with publish") OffsetDateTime publishAt) {

    /** What the notice says, the same fields a PUT replaces. */
    public NoticeUpdate content() {
        return new NoticeUpdate(kind, title, issuer, reason, instructions, startsAt, endsAt, areas, community, contact,
                publishAt);
    }

    public boolean publishNow() {
        return Boolean.TRUE.equals(publish);
    }

    public List<AreaDto> areasOrEmpty() {
        return areas == null ? List.of() : areas;
    }
}
