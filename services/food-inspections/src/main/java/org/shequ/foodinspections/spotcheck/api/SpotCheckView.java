package org.shequ.foodinspections.spotcheck.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** A draw as published: its seed, algorithm, roster and hash, and the picks with their scheduled inspections. */
public record SpotCheckView(String id, String community, long seed, String algorithmVersion, String rosterHash,
                            Roster roster, int count, int inspectorsPerCheck, List<Pick> picks, String drawnBy,
                            OffsetDateTime drawnAt) {

    public record Roster(List<String> providers, List<String> inspectors, Map<String, List<String>> lastInspectors) {
    }

    public record Pick(String providerId, List<String> inspectorIds, String inspectionId, String inspectionStatus) {
    }

    /** What {@code verify} found: the draw re-run over its recorded roster, and whether the roster is still current. */
    public record Verification(String spotCheckId, boolean matches, boolean rosterHashMatches, boolean rosterCurrent,
                               String recordedRosterHash, String currentRosterHash, List<Pick> recorded,
                               List<Pick> rerun, String algorithmVersion) {
    }
}
