package org.shequ.foodinspections.inspection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.shequ.foodinspections.inspection.api.ChecklistDto;
import org.shequ.foodinspections.inspection.api.InspectionRequest;
import org.shequ.foodinspections.inspection.api.InspectionView;
import org.shequ.foodinspections.provider.Provider;
import org.shequ.foodinspections.provider.ProviderRepository;
import org.shequ.foodinspections.rectification.Rectification;
import org.shequ.foodinspections.rectification.RectificationRepository;
import org.shequ.foodinspections.rectification.RectificationStatus;
import org.shequ.model.api.FieldError;
import org.shequ.model.api.Page;
import org.shequ.model.events.food.InspectionEvent;
import org.shequ.platform.outbox.Outbox;
import org.shequ.platform.problem.OutOfScopeException;
import org.shequ.platform.security.ObjectAccess;
import org.shequ.platform.security.Roles;
import org.shequ.platform.paging.Cursor;
import org.shequ.platform.paging.PageRequest;
import org.shequ.platform.problem.BrokenReferenceException;
import org.shequ.platform.problem.InvalidInputException;
import org.shequ.platform.problem.ResourceNotFoundException;
import org.shequ.platform.web.ApiValues;

/**
 * Records an inspection, scores it ({@link OutcomeRule}), opens a rectification order per newly failed item and, for
 * a follow-up, closes the orders of the re-checked inspection whose item now passes; all with its events, in one
 * transaction.
 */
@ApplicationScoped
@Transactional
public class InspectionService {

    private static final Logger LOG = Logger.getLogger(InspectionService.class);

    private final InspectionRepository inspections;
    private final RectificationRepository rectifications;
    private final ProviderRepository providers;
    private final ObjectAccess access;
    private final Outbox outbox;
    private final Clock clock;

    public InspectionService(InspectionRepository inspections, RectificationRepository rectifications,
                             ProviderRepository providers, ObjectAccess access, Outbox outbox, Clock clock) {
        this.inspections = inspections;
        this.rectifications = rectifications;
        this.providers = providers;
        this.access = access;
        this.outbox = outbox;
        this.clock = clock;
    }

    public InspectionView record(String providerId, @Valid @NotNull InspectionRequest request) {
        String actor = access.actor();
        Provider provider = providers.findByIdOptional(providerId)
                .orElseThrow(() -> new ResourceNotFoundException("Provider", providerId));
        access.requireCommunity(provider.community);
        Map<ChecklistItem, ChecklistDto> checklist = complete(request.checklist());
        Inspection reChecked = reChecked(provider, request);
        Inspection inspection = target(provider, request);
        String substituteReason = requireDrawnInspectors(inspection, request);
        Instant now = clock.instant();
        inspection.inspectedAt = request.inspectedAt().toInstant();
        inspection.status = InspectionStatus.COMPLETED;
        inspection.inspectors.clear();
        request.inspectors().stream().map(String::strip).distinct().forEach(inspection.inspectors::add);
        inspection.checklist.clear();
        Map<ChecklistItem, ItemResult> results = new EnumMap<>(ChecklistItem.class);
        checklist.forEach((item, entry) -> {
            inspection.checklist.add(new ChecklistEntry(item, entry.result(), entry.note()));
            results.put(item, entry.result());
        });
        inspection.outcome = OutcomeRule.score(results);
        inspection.ruleVersion = OutcomeRule.VERSION;
        inspection.followUpOf = reChecked == null ? null : reChecked.id;
        inspection.substituteReason = substituteReason;
        if (inspection.createdAt == null) {
            inspection.createdAt = now;
            inspection.recordedBy = actor;
            inspections.persist(inspection);
        }
        inspections.flush(); // the inspection (and a scheduled one's version check) before its orders

        List<ChecklistItem> failed = results.entrySet().stream().filter(e -> e.getValue() == ItemResult.FAIL)
                .map(Map.Entry::getKey).toList();
        // Orders first, so the event can say which this inspection opened (the items now failing: a follow-up's
        // closing below touches only items that now pass).
        List<String> opened = new ArrayList<>();
        for (ChecklistItem item : failed) {
            if (!rectifications.openFor(provider.id, item)) {
                open(inspection, item, now);
                opened.add(item.name());
            }
        }
        outbox.append(new InspectionEvent.Completed(inspection.id, provider.id, provider.name, provider.address,
                provider.community, inspection.type.name(), inspection.outcome.name(),
                failed.stream().map(Enum::name).toList(), inspection.inspectedAt, opened));
        if (reChecked != null) {
            closePassing(reChecked, inspection, results, now);
        }
        rectifications.flush();
        return view(inspection);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<InspectionView> find(String id) {
        // A check not done yet is a draw's pick: sealed from all but those who act in the provider's community.
        return inspections.findByIdOptional(id)
                .filter(i -> i.status == InspectionStatus.COMPLETED
                        || providers.findByIdOptional(i.providerId).filter(p -> access.mayActIn(p.community)).isPresent())
                .map(this::view);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<InspectionView> list(InspectionQuery query, PageRequest page) {
        List<Inspection> rows = inspections.page(query.providerId(), query.outcome(), query.type(), query.from(),
                query.to(), page.after(), page.fetchSize());
        return page.toPage(rows, i -> new Cursor(i.inspectedAt, i.id), this::view);
    }

    /** All eight items, each once; anything else is a 400 naming what is wrong. */
    static Map<ChecklistItem, ChecklistDto> complete(List<ChecklistDto> checklist) {
        Map<ChecklistItem, ChecklistDto> byItem = new EnumMap<>(ChecklistItem.class);
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < checklist.size(); i++) {
            ChecklistDto entry = checklist.get(i);
            if (byItem.putIfAbsent(entry.item(), entry) != null) {
                errors.add(new FieldError("checklist[" + i + "].item", entry.item() + " is listed twice"));
            }
        }
        List<ChecklistItem> missing = java.util.Arrays.stream(ChecklistItem.values())
                .filter(item -> !byItem.containsKey(item)).toList();
        if (!missing.isEmpty()) {
            errors.add(new FieldError("checklist", "misses " + missing + "; every inspection checks all eight items"));
        }
        for (int i = 0; i < checklist.size(); i++) {
            ChecklistDto entry = checklist.get(i);
            if (entry.result() == ItemResult.NOT_APPLICABLE && entry.item().alwaysChecked()) {
                errors.add(new FieldError("checklist[" + i + "].result", entry.item() + " applies to every 小饭桌: "
                        + "PASS or FAIL; only " + java.util.Arrays.stream(ChecklistItem.values())
                        .filter(item -> !item.alwaysChecked()).toList() + " may be NOT_APPLICABLE"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return byItem;
    }

    /** The inspection a FOLLOW_UP re-checks: completed, of the same provider; nothing for other types. */
    private Inspection reChecked(Provider provider, InspectionRequest request) {
        String followUpOf = ApiValues.blankToNull(request.followUpOf());
        if (request.type() != InspectionType.FOLLOW_UP) {
            if (followUpOf != null) {
                throw InvalidInputException.of("followUpOf", "is for FOLLOW_UP inspections only");
            }
            return null;
        }
        if (followUpOf == null) {
            throw InvalidInputException.of("followUpOf", "is required for a FOLLOW_UP: name the inspection it re-checks");
        }
        Inspection earlier = inspections.findByIdOptional(followUpOf.strip())
                .orElseThrow(() -> BrokenReferenceException.unknownTarget("followUpOf"));
        if (!earlier.providerId.equals(provider.id)) {
            throw BrokenReferenceException.unusable("followUpOf", "is an inspection of another provider");
        }
        if (earlier.status != InspectionStatus.COMPLETED) {
            throw BrokenReferenceException.unusable("followUpOf", "has not been done yet");
        }
        return earlier;
    }

    /** A new inspection, or the scheduled spot check this records. */
    private Inspection target(Provider provider, InspectionRequest request) {
        String scheduled = ApiValues.blankToNull(request.scheduledInspectionId());
        if (scheduled == null) {
            Inspection inspection = new Inspection();
            inspection.id = UUID.randomUUID().toString();
            inspection.providerId = provider.id;
            inspection.type = request.type();
            return inspection;
        }
        Inspection drawn = inspections.findByIdOptional(scheduled.strip())
                .orElseThrow(() -> BrokenReferenceException.unknownTarget("scheduledInspectionId"));
        // A spot check's pick, or the inspection a complaint queued: recorded as the type it was scheduled as.
        if (!drawn.providerId.equals(provider.id) || drawn.status != InspectionStatus.SCHEDULED
                || request.type() != drawn.type) {
            throw BrokenReferenceException.unusable("scheduledInspectionId",
                    "is not a scheduled " + request.type() + " of this provider");
        }
        return drawn;
    }

    /**
     * A scheduled spot check is done by the inspectors drawn for it, and an inspector records only a check they did:
     * otherwise a draw could be undone by sending someone else. A substitute (illness, a conflict of interest) needs a
     * reason, which is stored with the inspection and logged. Returns that reason, or null.
     */
    private String requireDrawnInspectors(Inspection inspection, InspectionRequest request) {
        if (inspection.spotCheckId == null) {
            return null;
        }
        Set<String> drawn = new TreeSet<>(inspection.inspectors);
        Set<String> sent = request.inspectors().stream().map(String::strip).collect(Collectors.toCollection(TreeSet::new));
        if (access.hasRole(Roles.INSPECTOR) && !access.actsEverywhere() && !sent.contains(access.actor())) {
            throw new OutOfScopeException("A drawn check is recorded by an inspector who did it; " + access.actor()
                    + " is not among " + sent);
        }
        String reason = ApiValues.blankToNull(request.substituteReason());
        if (!sent.equals(drawn) && reason == null) {
            throw new OutOfScopeException("Spot check " + inspection.spotCheckId + " drew " + drawn
                    + " for this provider; recording it with " + sent + " needs a substituteReason");
        }
        if (reason != null) {
            LOG.infof("Spot-check inspection %s recorded by %s instead of the drawn %s: %s", inspection.id, sent, drawn,
                    reason);
        }
        return reason;
    }

    /**
     * Closes the provider's open orders for the items the re-checked inspection failed and this follow-up finds
     * passing, whichever inspection opened them (a follow-up of a follow-up still closes the first order).
     */
    private void closePassing(Inspection reChecked, Inspection followUp, Map<ChecklistItem, ItemResult> results,
                              Instant now) {
        java.util.Set<ChecklistItem> reCheckedFailures = reChecked.checklist.stream()
                .filter(c -> c.result == ItemResult.FAIL).map(c -> c.item).collect(java.util.stream.Collectors.toSet());
        for (Rectification order : rectifications.openOf(followUp.providerId)) {
            if (reCheckedFailures.contains(order.item) && results.get(order.item) == ItemResult.PASS) {
                order.status = RectificationStatus.CLOSED;
                order.closedBy = followUp.id;
                order.closedAt = now;
                outbox.append(new InspectionEvent.RectificationClosed(order.inspectionId, order.item.name(),
                        followUp.id, now));
            }
        }
    }

    private void open(Inspection inspection, ChecklistItem item, Instant now) {
        Rectification order = new Rectification();
        order.id = UUID.randomUUID().toString();
        order.inspectionId = inspection.id;
        order.providerId = inspection.providerId;
        order.item = item;
        order.critical = item.critical();
        order.dueAt = inspection.inspectedAt.plus(item.rectificationTime());
        order.status = RectificationStatus.OPEN;
        order.createdAt = now;
        rectifications.persist(order);
    }

    InspectionView view(Inspection i) {
        List<InspectionView.RectificationRef> orders = i.status == InspectionStatus.COMPLETED
                ? rectifications.ofInspection(i.id).stream().map(r -> new InspectionView.RectificationRef(r.id,
                        r.item.name(), r.status.name(), ApiValues.local(r.dueAt),
                        i.id.equals(r.inspectionId) ? "opened" : "closed")).toList()
                : List.of();
        List<ChecklistDto> checklist = i.checklist.stream()
                .sorted(java.util.Comparator.comparing(c -> c.item))
                .map(c -> new ChecklistDto(c.item, c.result, c.note)).toList();
        return new InspectionView(i.id, i.providerId, i.type, i.status, ApiValues.local(i.inspectedAt),
                List.copyOf(i.inspectors), checklist, i.outcome,
                checklist.stream().filter(c -> c.result() == ItemResult.FAIL).map(c -> c.item().name()).toList(),
                i.ruleVersion, i.followUpOf, i.spotCheckId, orders, ApiValues.local(i.createdAt), i.version);
    }
}
