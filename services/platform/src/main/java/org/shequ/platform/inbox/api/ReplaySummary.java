package org.shequ.platform.inbox.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A replay of the parked records, oldest first, at most 500 a call: call again while "
        + "more is true")
public record ReplaySummary(int applied, int alreadyHandled, int failed, boolean more, List<ReplayResult> results) {
}
