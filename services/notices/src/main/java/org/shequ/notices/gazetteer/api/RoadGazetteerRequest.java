package org.shequ.notices.gazetteer.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Which side of the road carries odd numbers (单号) and which even (双号), and its landmarks. "
        + "Read-only fields of the road (road, updatedAt) may be sent back and are ignored.")
@com.fasterxml.jackson.annotation.JsonIgnoreProperties({"road", "updatedAt"})
public record RoadGazetteerRequest(
        @Schema(description = "路东, 路西, 路南 or 路北 (东侧 … and 东 … are read the same)", examples = "路东")
        @NotBlank @Size(max = 10) String oddSide,
        @Schema(description = "The side opposite oddSide", examples = "路西") @NotBlank @Size(max = 10) String evenSide,
        @NotNull @Size(max = 200) List<@Valid @NotNull LandmarkDto> landmarks,
        @Schema(nullable = true, description = "Where the numbers come from", examples = "迎泽区地名地址库")
        @Size(max = 200) String source) {
}
