package org.shequ.foodinspections.publicview;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What parents see of a provider: who runs it (masked), how it did last time and what is still to be put right. */
public record PublicProviderView(String id, String name, String address, String operatorName, String phone,
                                 Integer capacity, String community, @Schema(nullable = true) String latestOutcome,
                                 @Schema(nullable = true) OffsetDateTime latestInspectedAt, long openRectifications) {
}
