package org.shequ.platform.probe.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import org.shequ.platform.json.LongText;
import org.shequ.platform.probe.ProbeKind;

public record ProbeRequest(
        @NotBlank @Size(max = 40) String code,
        @NotNull ProbeKind kind,
        @NotBlank @Size(max = 100) String label,
        @LongText @Size(max = 2000) String note,
        OffsetDateTime dueAt,
        Long parentId,
        Boolean urgent,
        @Size(max = 5) List<@Valid @NotNull Step> steps) {

    public record Step(@NotBlank @Size(max = 40) String label, @Size(max = 40) String by) {
    }
}
