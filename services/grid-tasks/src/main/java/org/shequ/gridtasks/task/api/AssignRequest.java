package org.shequ.gridtasks.task.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.shequ.platform.json.LongText;

@Schema(description = "Workers of the task's grid who take it on, and helpers (property staff, volunteers) by name.")
public record AssignRequest(
        @Schema(examples = "[\"wg-fulicheng-03\"]") @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 100) String> workerIds,
        @Schema(examples = "[\"物业 张师傅\", \"志愿者 刘阿姨\"]") @Size(max = 50) List<@NotBlank @Size(max = 50) String> helpers,
        @LongText @Size(max = 2000) String note) {
}
