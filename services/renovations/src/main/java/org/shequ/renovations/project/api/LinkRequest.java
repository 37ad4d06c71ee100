package org.shequ.renovations.project.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Residents' requests (of the project's compound) that this project answers.")
public record LinkRequest(@NotEmpty @Size(max = 100) List<@NotBlank @Size(max = 36) String> requestIds) {
}
