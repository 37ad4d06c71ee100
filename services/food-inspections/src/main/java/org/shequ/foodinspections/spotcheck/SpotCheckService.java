package org.shequ.foodinspections.spotcheck;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import java.time.Clock;
import java.time.Duration;
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
import org.shequ.model.api.Page;
import org.shequ.platform.outbox.Outbox;
import org.shequ.platform.paging.Cursor;
import org.shequ.platform.paging.PageRequest;
import org.shequ.platform.problem.IllegalTransitionException;
import org.shequ.platform.problem.InvalidInputException;
import org.shequ.platform.problem.BrokenReferenceException;
import org.shequ.platform.problem.ResourceNotFoundException;
import org.shequ.platform.security.ObjectAccess;
import org.shequ.platform.web.ApiValues;

/**
 * Random spot checks (双随机一公开) that nobody can steer: the server picks the seed and commits to it
 * ({@link SeedCommitment}) before the picks exist; {@link Draw} draws providers and inspectors from the community's
 * current roster; a SPOT_CHECK inspection is scheduled per pick. Seed and picks stay hidden from the public until the
 * checks are recorded, the draw is discarded or its reveal date passes; every draw stays listed. {@link #verify}
 * re-runs a revealed draw and checks the seed against its commitment.
 */
@ApplicationScoped
@Transactional
public class SpotCheckService {

    private final SpotCheckRepository spotChecks;
    private final ProviderRepository providers;
    private final InspectorRepository inspectors;
    private final InspectionRepository inspections;
    private final ObjectAccess access;
    private final Outbox outbox;
    private final ObjectMapper json;
    private final Clock clock;
    private final boolean callerSeeds;
    private final Duration revealAfter;

    public SpotCheckService(SpotCheckRepository spotChecks, ProviderRepository providers,
                            InspectorRepository inspectors, InspectionRepository inspections, ObjectAccess access,
                            Outbox outbox, ObjectMapper json, Clock clock,
                            @ConfigProperty(name = "food.spot-checks.caller-seeds", defaultValue = "false")
                            boolean callerSeeds,
                            @ConfigProperty(name = "food.spot-checks.reveal-after", defaultValue = "P30D")
                            Duration revealAfter) {
        this.spotChecks = spotChecks;
        this.providers = providers;
        this.inspectors = inspectors;
        this.inspections = inspections;
        this.access = access;
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
        this.callerSeeds = callerSeeds;
        this.revealAfter = revealAfter;
    }

    public SpotCheckView draw(@Valid @NotNull SpotCheckRequest request) {
        String community = request.community().strip();
        access.requireCommunity(community);
        if (request.seed() != null && !callerSeeds) {
            // A caller who chose the seed could try seeds offline against the public roster until the draw it wants.
            throw InvalidInputException.of("seed", "is chosen by the service; leave it out");
        }
        SeedCommitment seed = request.seed() != null
                ? new SeedCommitment(request.seed(), "", SeedCommitment.of(request.seed(), ""))
                : SeedCommitment.fresh();
        Roster roster = currentRoster(community);
        List<Draw.Pick> picks;
        try {
            picks = Draw.run(seed.seed(), roster, request.count(), request.inspectorsPerCheck());
        } catch (Draw.NotEnoughException e) {
            throw BrokenReferenceException.unusable(e.field(), e.getMessage());
        }
        Instant now = clock.instant();
        SpotCheck check = new SpotCheck();
        check.id = UUID.randomUUID().toString();
        check.community = community;
        check.seed = seed.seed();
        check.seedSalt = seed.salt();
        check.seedCommitment = seed.commitment();
        check.revealsAt = now.plus(revealAfter);
        check.algorithmVersion = Draw.ALGORITHM;
        check.rosterHash = roster.hash();
        check.roster = write(roster);
        check.pickCount = request.count();
        check.inspectorsPerCheck = request.inspectorsPerCheck();
        check.drawnBy = access.actor();
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
            scheduled.recordedBy = check.drawnBy;
            scheduled.createdAt = now;
            inspections.persist(scheduled);
            published.add(new SpotCheckEvent.Pick(scheduled.providerId, List.copyOf(scheduled.inspectors), scheduled.id));
        }
        inspections.flush();
        // The seed stays out of the event: events reach other services and subscribers before the checks are done.
        outbox.append(new SpotCheckEvent.Drawn(check.id, null, community, check.algorithmVersion, check.rosterHash,
                published, now));
        return view(check);
    }

    /**
     * Marks a draw as not used, with the reason; its seed and picks become public, and its checks not yet done are
     * CANCELLED. The draw stays listed, so a draw thrown away for a better one is there for all to see.
     */
    public SpotCheckView discard(String id, String reason) {
        SpotCheck check = spotChecks.findByIdOptional(id).orElseThrow(() -> new ResourceNotFoundException("Spot check", id));
        access.requireCommunity(check.community);
        Instant now = clock.instant();
        List<Inspection> checks = inspections.ofSpotCheck(check.id);
        if (check.discardedAt != null || check.revealed(now, allDone(checks))) {
            throw new IllegalTransitionException("Spot check", id, check.discardedAt != null ? "DISCARDED" : "REVEALED",
                    "discard", List.of());
        }
        check.discardedBy = access.actor();
        check.discardedAt = now;
        check.discardReason = reason.strip();
        checks.stream().filter(i -> i.status == InspectionStatus.SCHEDULED)
                .forEach(i -> i.status = InspectionStatus.CANCELLED);
        spotChecks.flush();
        return view(check, checks);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<SpotCheckView> find(String id) {
        return spotChecks.findByIdOptional(id).map(this::view);
    }

    /** Every draw, newest first; of one community when asked. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<SpotCheckView> list(String community, PageRequest page) {
        return page.toPage(spotChecks.page(community, page.after(), page.fetchSize()),
                s -> new Cursor(s.drawnAt, s.id), this::view);
    }

    /**
     * Re-runs a revealed draw from its seed over the roster it recorded, and compares: {@code matches} when the seed
     * agrees with the commitment published at the draw, the roster still hashes to the published hash and the re-run
     * gives the recorded picks. {@code rosterCurrent} says whether the community's roster today is still the one
     * drawn from (it changes as providers open and close and inspections are done), so a change is reported.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public SpotCheckView.Verification verify(String id) {
        SpotCheck check = spotChecks.findByIdOptional(id).orElseThrow(() -> new ResourceNotFoundException("Spot check", id));
        List<Inspection> checks = inspections.ofSpotCheck(check.id);
        if (!seesEverything(check, checks)) {
            throw new IllegalTransitionException("Spot check", id, "SEALED until its checks are recorded or "
                    + ApiValues.local(check.revealsAt), "verify", List.of());
        }
        Roster recorded = read(check.roster);
        boolean hashMatches = recorded.hash().equals(check.rosterHash);
        List<SpotCheckView.Pick> recordedPicks = picks(checks);
        List<SpotCheckView.Pick> rerun = Draw.run(check.seed, recorded, check.pickCount, check.inspectorsPerCheck)
                .stream().map(p -> new SpotCheckView.Pick(p.providerId(), p.inspectorIds(), null, null)).toList();
        boolean same = rerun.size() == recordedPicks.size();
        for (int i = 0; same && i < rerun.size(); i++) {
            same = rerun.get(i).providerId().equals(recordedPicks.get(i).providerId())
                    && rerun.get(i).inspectorIds().equals(recordedPicks.get(i).inspectorIds());
        }
        String recomputed = check.seedCommitment == null ? null : SeedCommitment.of(check.seed, check.seedSalt);
        boolean committed = check.seedCommitment == null || check.seedCommitment.equals(recomputed);
        String currentHash = currentRoster(check.community).hash();
        return new SpotCheckView.Verification(check.id, hashMatches && same && committed, hashMatches,
                currentHash.equals(check.rosterHash), check.rosterHash, currentHash, recordedPicks, rerun,
                check.algorithmVersion, check.seedCommitment, recomputed, committed);
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

    /** Seed and picks: for everyone once revealed, before that for those who act in the draw's community. */
    private boolean seesEverything(SpotCheck check, List<Inspection> checks) {
        return check.revealed(clock.instant(), allDone(checks)) || access.mayActIn(check.community);
    }

    /** Whether every check of the draw is recorded, from its scheduled inspections (read once per answer). */
    private static boolean allDone(List<Inspection> checks) {
        return checks.stream().allMatch(i -> i.status == InspectionStatus.COMPLETED);
    }

    private static List<SpotCheckView.Pick> picks(List<Inspection> checks) {
        return checks.stream().map(i -> new SpotCheckView.Pick(i.providerId, List.copyOf(i.inspectors), i.id,
                i.status.name())).toList();
    }

    private SpotCheckView view(SpotCheck check) {
        return view(check, inspections.ofSpotCheck(check.id));
    }

    private SpotCheckView view(SpotCheck check, List<Inspection> checks) {
        boolean revealed = check.revealed(clock.instant(), allDone(checks));
        boolean everything = revealed || access.mayActIn(check.community);
        Roster roster = read(check.roster);
        Map<String, List<String>> last = new LinkedHashMap<>();
        roster.lastInspectors().forEach((provider, names) -> last.put(provider, List.copyOf(new TreeSet<>(names))));
        return new SpotCheckView(check.id, check.community, everything ? check.seed : null,
                everything ? check.seedSalt : null, check.seedCommitment, check.algorithmVersion, check.rosterHash,
                new SpotCheckView.Roster(roster.providers(), roster.inspectors(), last), check.pickCount,
                check.inspectorsPerCheck, everything ? picks(checks) : List.of(), revealed,
                ApiValues.local(check.revealsAt), check.drawnBy, ApiValues.local(check.drawnAt), check.discardedBy,
                ApiValues.local(check.discardedAt), check.discardReason);
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
