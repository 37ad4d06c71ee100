package org.shequ.renovations.project.api;

import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.shequ.platform.json.LongText;

@Schema(description = "Works begin; actualStart defaults to today (Asia/Shanghai). The body may be left out.")
public record StartRequest(@Schema(examples = "2024-09-02") LocalDate actualStart,
                           @LongText @Size(max = 2000) String note) {
}
