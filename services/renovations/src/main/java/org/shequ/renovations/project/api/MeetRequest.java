package org.shequ.renovations.project.api;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record MeetRequest(@Schema(examples = "2024-11-14") @NotNull LocalDate metDate) {
}
