package org.shequ.notices.gazetteer.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "What the district knows of a road, for placing addresses along it (docs/ADDRESS-MATCHING.md)")
public record RoadGazetteerView(
        String road,
        @Schema(examples = "路东") String oddSide,
        @Schema(examples = "路西") String evenSide,
        List<LandmarkDto> landmarks,
        @Schema(nullable = true) String source,
        OffsetDateTime updatedAt,
        @JsonIgnore @Schema(hidden = true) long version) {
}
