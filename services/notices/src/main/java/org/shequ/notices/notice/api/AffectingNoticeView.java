package org.shequ.notices.notice.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A notice that affects the address asked about, with the areas of it that matched.")
public record AffectingNoticeView(
        @JsonUnwrapped NoticeView notice,
        @Schema(description = "The notice's areas that matched the address") List<AreaDto> matchedAreas) {
}
