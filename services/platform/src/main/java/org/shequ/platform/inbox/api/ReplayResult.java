package org.shequ.platform.inbox.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "What replaying a parked record did")
public record ReplayResult(
        String id,
        @Schema(nullable = true) String eventId,
        @Schema(enumeration = {"applied", "already-handled", "failed"}, description = "applied: handled now and "
                + "removed from the dead letters; already-handled: the inbox had handled that event id (it is applied "
                + "once), removed; failed: it failed again and stays parked, with the new error") String outcome,
        @Schema(nullable = true) String error) {
}
