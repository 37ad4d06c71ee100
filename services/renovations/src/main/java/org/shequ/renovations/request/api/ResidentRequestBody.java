package org.shequ.renovations.request.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.shequ.platform.json.LongText;

@Schema(description = "A resident's wish about a compound.")
public record ResidentRequestBody(
        @NotBlank @Size(max = 36) String compoundId,
        @Schema(examples = "广场地砖缺损，雨雪天湿滑，希望翻修并做防滑处理，方便老人跳广场舞。")
        @NotBlank @LongText @Size(max = 2000) String text) {
}
