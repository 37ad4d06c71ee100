package org.shequ.platform.probe.api;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.shequ.platform.probe.ProbeKind;

public record ProbeView(String id, String code, ProbeKind kind, String label, @Schema(nullable = true) String note,
                        @Schema(nullable = true) OffsetDateTime dueAt, @Schema(nullable = true) Long parentId,
                        int counter, long version) {
}
