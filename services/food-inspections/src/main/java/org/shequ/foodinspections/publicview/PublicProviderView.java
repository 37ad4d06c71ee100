package org.shequ.foodinspections.publicview;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.shequ.foodinspections.provider.ProviderStatus;

/**
 * What parents see of a provider: who runs it (masked), its business phone, whether it is open (and since when), how it
 * did last time and what is still to be put right.
 */
public record PublicProviderView(String id, String name, String address, String operatorName, String phone,
                                 @Schema(nullable = true, description = "The business line to call") String businessPhone,
                                 Integer capacity, String community, ProviderStatus status,
                                 @Schema(nullable = true, description = "Since when it has this status")
                                 OffsetDateTime statusSince,
                                 @Schema(nullable = true) String latestOutcome,
                                 @Schema(nullable = true) OffsetDateTime latestInspectedAt, long openRectifications) {
}
