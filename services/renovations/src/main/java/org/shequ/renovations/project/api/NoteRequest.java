package org.shequ.renovations.project.api;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.shequ.platform.json.LongText;

@Schema(description = "An optional note for the project's history; the body may be left out.")
public record NoteRequest(@LongText @Size(max = 2000) String note) {
}
