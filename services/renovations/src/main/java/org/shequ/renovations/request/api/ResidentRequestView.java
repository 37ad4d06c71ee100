package org.shequ.renovations.request.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.shequ.renovations.request.RequestStatus;

/**
 * A wish as residents see it: once answered, {@code answer} reads "answered by project X" with its date.
 * {@code requestedBy} is shown to admins only; {@code mine} tells residents their own.
 */
public record ResidentRequestView(String id, String compoundId, String text, RequestStatus status, String projectId,
                                  String projectTitle, LocalDate answeredOn, String answer, boolean mine,
                                  @JsonInclude(JsonInclude.Include.NON_NULL) String requestedBy,
                                  OffsetDateTime createdAt) {
}
