package org.shequ.gridtasks.worker.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A grid worker: the subject of their token, the grid they look after, and their name.")
public record WorkerRequest(
        @Schema(examples = "wg-fulicheng-03") @NotBlank @Size(max = 100) String id,
        @NotBlank @Size(max = 36) String gridId,
        @Schema(examples = "李敏") @NotBlank @Size(max = 50) String name) {
}
