package org.shequ.notices.notice.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A notice that affects the address (or position) asked about, with the areas of it that matched.")
public record AffectingNoticeView(
        @JsonUnwrapped NoticeView notice,
        @Schema(description = "The notice's areas that matched the address") List<AreaDto> matchedAreas,
        @Schema(description = "Each matched area with how exactly it matched") List<AreaMatch> matches,
        @Schema(enumeration = {"segment", "geometry", "compound", "road"},
                description = "The most exact precision among the matches") String precision) {

    public static AffectingNoticeView of(NoticeView notice, List<AreaMatch> matches) {
        return new AffectingNoticeView(notice, matches.stream().map(AreaMatch::area).toList(), matches,
                AreaMatch.best(matches));
    }
}
