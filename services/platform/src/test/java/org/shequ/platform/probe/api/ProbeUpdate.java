package org.shequ.platform.probe.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.shequ.platform.json.LongText;

/** A PUT body. A client may send back the view it read: the view's read-only fields are accepted and ignored. */
@JsonIgnoreProperties(value = {"id", "code", "kind", "dueAt", "parentId", "counter", "version"})
public record ProbeUpdate(
        @NotBlank @Size(max = 100) String label,
        @LongText @Size(max = 2000) String note) {
}
