package org.shequ.renovations.request.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.shequ.renovations.request.RequestStatus;

/**
 * A wish as residents see it: once answered, {@code answer} reads "answered by project X" with its date.
 * {@code requestedBy} is shown to admins only; {@code mine} tells residents their own.
 */
public record ResidentRequestView(String id, String compoundId, String text, RequestStatus status,
                                  @Schema(nullable = true) String projectId,
                                  @Schema(nullable = true) String projectTitle,
                                  @Schema(nullable = true) LocalDate answeredOn, @Schema(nullable = true) String answer,
                                  boolean mine, @JsonInclude(JsonInclude.Include.NON_NULL) String requestedBy,
                                  OffsetDateTime createdAt) {
}
