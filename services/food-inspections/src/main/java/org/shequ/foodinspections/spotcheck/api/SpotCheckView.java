package org.shequ.foodinspections.spotcheck.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A draw as published. Until it is revealed (its checks recorded, discarded, or {@code revealsAt} passed) the public
 * sees its commitment, roster and hash but neither seed nor picks; the community's admins and inspectors and
 * district admins see everything.
 */
public record SpotCheckView(String id, String community,
                            @Schema(nullable = true, description = "Secret until revealed") Long seed,
                            @Schema(nullable = true, description = "Secret until revealed") String seedSalt,
                            @Schema(nullable = true, description = "SHA-256 of \"<seed>:<seedSalt>\", published at "
                                    + "the draw; null for draws made before commitments") String seedCommitment,
                            String algorithmVersion, String rosterHash,
                            Roster roster, int count, int inspectorsPerCheck,
                            @Schema(description = "Empty for the public until revealed") List<Pick> picks,
                            boolean revealed,
                            @Schema(nullable = true) OffsetDateTime revealsAt,
                            String drawnBy, OffsetDateTime drawnAt,
                            @Schema(nullable = true) String discardedBy,
                            @Schema(nullable = true) OffsetDateTime discardedAt,
                            @Schema(nullable = true) String discardReason) {

    public record Roster(List<String> providers, List<String> inspectors, Map<String, List<String>> lastInspectors) {
    }

    public record Pick(String providerId, List<String> inspectorIds, @Schema(nullable = true) String inspectionId,
                       @Schema(nullable = true) String inspectionStatus) {
    }

    /**
     * What {@code verify} found: the seed against its commitment, the draw re-run over its recorded roster, and
     * whether the roster is still current.
     */
    public record Verification(String spotCheckId, boolean matches, boolean rosterHashMatches, boolean rosterCurrent,
                               String recordedRosterHash, String currentRosterHash, List<Pick> recorded,
                               List<Pick> rerun, String algorithmVersion,
                               @Schema(nullable = true) String seedCommitment,
                               @Schema(nullable = true, description = "SHA-256 of the revealed seed and salt")
                               String recomputedCommitment,
                               boolean commitmentMatches) {
    }
}
