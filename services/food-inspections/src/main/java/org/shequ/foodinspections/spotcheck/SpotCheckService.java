package org.shequ.foodinspections.spotcheck;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.shequ.foodinspections.inspection.Inspection;
import org.shequ.foodinspections.inspection.InspectionRepository;
import org.shequ.foodinspections.inspection.InspectionStatus;
import org.shequ.foodinspections.inspection.InspectionType;
import org.shequ.foodinspections.inspector.InspectorRepository;
import org.shequ.foodinspections.provider.ProviderRepository;
import org.shequ.foodinspections.spotcheck.api.SpotCheckRequest;
import org.shequ.foodinspections.spotcheck.api.SpotCheckView;
import org.shequ.model.events.food.SpotCheckEvent;
import org.shequ.platform.outbox.Outbox;
import org.shequ.platform.problem.BrokenReferenceException;
import org.shequ.platform.problem.ResourceNotFoundException;

/**
 * Random spot checks (双随机一公开): draws providers and inspectors from the community's current roster with
 * {@link Draw}, records the draw with its seed, algorithm and roster, schedules a SPOT_CHECK inspection per pick, and
 * publishes it; {@link #verify} re-runs it.
 */
@ApplicationScoped
@Transactional
public class SpotCheckService {

    private static final SecureRandom SEEDS = new SecureRandom();

    private final SpotCheckRepository spotChecks;
    private final ProviderRepository providers;
    private final InspectorRepository inspectors;
    private final InspectionRepository inspections;
    private final Outbox outbox;
    private final ObjectMapper json;
    private final Clock clock;

    public SpotCheckService(SpotCheckRepository spotChecks, ProviderRepository providers,
                            InspectorRepository inspectors, InspectionRepository inspections, Outbox outbox,
                            ObjectMapper json, Clock clock) {
        this.spotChecks = spotChecks;
        this.providers = providers;
        this.inspectors = inspectors;
        this.inspections = inspections;
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
    }

    public SpotCheckView draw(@Valid @NotNull SpotCheckRequest request, String actor) {
        String community = request.community().strip();
        Roster roster = currentRoster(community);
        long seed = request.seed() != null ? request.seed() : SEEDS.nextLong();
        List<Draw.Pick> picks;
        try {
            picks = Draw.run(seed, roster, request.count(), request.inspectorsPerCheck());
        } catch (Draw.NotEnoughException e) {
            throw BrokenReferenceException.unusable(e.field(), e.getMessage());
        }
        Instant now = clock.instant();
        SpotCheck check = new SpotCheck();
        check.id = UUID.randomUUID().toString();
        check.community = community;
        check.seed = seed;
        check.algorithmVersion = Draw.ALGORITHM;
        check.rosterHash = roster.hash();
        check.roster = write(roster);
        check.pickCount = request.count();
        check.inspectorsPerCheck = request.inspectorsPerCheck();
        check.drawnBy = actor;
        check.drawnAt = now;
        spotChecks.persist(check);
        spotChecks.flush();
        List<SpotCheckEvent.Pick> published = new ArrayList<>();
        for (int i = 0; i < picks.size(); i++) {
            Inspection scheduled = new Inspection();
            scheduled.id = UUID.randomUUID().toString();
            scheduled.providerId = picks.get(i).providerId();
            scheduled.type = InspectionType.SPOT_CHECK;
            scheduled.status = InspectionStatus.SCHEDULED;
            scheduled.spotCheckId = check.id;
            scheduled.pickPosition = i;
            scheduled.inspectors.addAll(picks.get(i).inspectorIds());
            scheduled.recordedBy = actor;
            scheduled.createdAt = now;
            inspections.persist(scheduled);
            published.add(new SpotCheckEvent.Pick(scheduled.providerId, List.copyOf(scheduled.inspectors), scheduled.id));
        }
        inspections.flush();
        outbox.append(new SpotCheckEvent.Drawn(check.id, seed, community, check.algorithmVersion, check.rosterHash,
                published, now));
        return view(check);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<SpotCheckView> find(String id) {
        return spotChecks.findByIdOptional(id).map(this::view);
    }

    /**
     * Re-runs the draw from its seed over the roster it recorded, and compares: {@code matches} when the roster still
     * hashes to the published hash and the re-run gives the recorded picks. {@code rosterCurrent} says whether the
     * community's roster today is still the one drawn from (it changes as providers open and close and inspections
     * are done), so a changed roster is reported, not hidden.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public SpotCheckView.Verification verify(String id) {
        SpotCheck check = spotChecks.findByIdOptional(id).orElseThrow(() -> new ResourceNotFoundException("Spot check", id));
        Roster recorded = read(check.roster);
        boolean hashMatches = recorded.hash().equals(check.rosterHash);
        List<SpotCheckView.Pick> recordedPicks = picks(check);
        List<SpotCheckView.Pick> rerun = Draw.run(check.seed, recorded, check.pickCount, check.inspectorsPerCheck)
                .stream().map(p -> new SpotCheckView.Pick(p.providerId(), p.inspectorIds(), null, null)).toList();
        boolean same = rerun.size() == recordedPicks.size();
        for (int i = 0; same && i < rerun.size(); i++) {
            same = rerun.get(i).providerId().equals(recordedPicks.get(i).providerId())
                    && rerun.get(i).inspectorIds().equals(recordedPicks.get(i).inspectorIds());
        }
        String currentHash = currentRoster(check.community).hash();
        return new SpotCheckView.Verification(check.id, hashMatches && same, hashMatches,
                currentHash.equals(check.rosterHash), check.rosterHash, currentHash, recordedPicks, rerun,
                check.algorithmVersion);
    }

    /** The community's roster now: active providers, active inspectors, and who inspected each provider last. */
    Roster currentRoster(String community) {
        List<String> providerIds = providers.activeIds(community);
        Map<String, Set<String>> last = new LinkedHashMap<>();
        for (String provider : providerIds) {
            inspections.latestCompleted(provider).ifPresent(i -> last.put(provider, new TreeSet<>(i.inspectors)));
        }
        return new Roster(providerIds, inspectors.activeIds(community), last);
    }

    private List<SpotCheckView.Pick> picks(SpotCheck check) {
        return inspections.ofSpotCheck(check.id).stream().map(i -> new SpotCheckView.Pick(i.providerId,
                List.copyOf(i.inspectors), i.id, i.status.name())).toList();
    }

    private SpotCheckView view(SpotCheck check) {
        Roster roster = read(check.roster);
        Map<String, List<String>> last = new LinkedHashMap<>();
        roster.lastInspectors().forEach((provider, names) -> last.put(provider, List.copyOf(new TreeSet<>(names))));
        return new SpotCheckView(check.id, check.community, check.seed, check.algorithmVersion, check.rosterHash,
                new SpotCheckView.Roster(roster.providers(), roster.inspectors(), last), check.pickCount,
                check.inspectorsPerCheck, picks(check), check.drawnBy,
                org.shequ.platform.web.ApiValues.local(check.drawnAt));
    }

    private String write(Roster roster) {
        try {
            return json.writeValueAsString(roster);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Roster not writable", e);
        }
    }

    private Roster read(String text) {
        try {
            return json.readValue(text, Roster.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Recorded roster unreadable", e);
        }
    }
}
