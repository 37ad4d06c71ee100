package org.shequ.platform.probe.api;

import java.time.OffsetDateTime;
import org.shequ.platform.probe.ProbeKind;

public record ProbeView(String id, String code, ProbeKind kind, String label, String note, OffsetDateTime dueAt,
                        Long parentId, int counter, long version) {
}
