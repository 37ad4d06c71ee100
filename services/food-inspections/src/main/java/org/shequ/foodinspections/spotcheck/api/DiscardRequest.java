package org.shequ.foodinspections.spotcheck.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why a draw is not used; public with the draw. */
public record DiscardRequest(@Schema(examples = "花名册有误，两户已停业") @NotBlank @Size(max = 500) String reason) {
}
