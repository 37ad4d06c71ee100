package org.shequ.foodinspections.provider.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.shequ.platform.json.LongText;

@Schema(description = "Why the operator's personal data is erased: the request it answers (PIPL Art. 47)")
public record ErasureRequest(
        @Schema(examples = "经营者2024年12月3日书面申请删除个人信息（已停止经营）") @NotBlank @LongText @Size(max = 500)
        String reason) {
}
