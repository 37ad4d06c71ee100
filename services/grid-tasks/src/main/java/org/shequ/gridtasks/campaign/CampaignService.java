package org.shequ.gridtasks.campaign;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.shequ.gridtasks.campaign.api.CampaignRequest;
import org.shequ.gridtasks.campaign.api.CampaignView;
import org.shequ.gridtasks.grid.GridAccess;
import org.shequ.model.api.Page;
import org.shequ.platform.paging.KeysetPage;
import org.shequ.platform.paging.PageRequest;
import org.shequ.platform.problem.InvalidInputException;
import org.shequ.platform.security.Roles;
import org.shequ.platform.web.ApiValues;

@ApplicationScoped
@Transactional
public class CampaignService {

    private final CampaignRepository campaigns;
    private final GridAccess access;
    private final SecurityIdentity identity;
    private final Clock clock;

    public CampaignService(CampaignRepository campaigns, GridAccess access, SecurityIdentity identity, Clock clock) {
        this.campaigns = campaigns;
        this.access = access;
        this.identity = identity;
        this.clock = clock;
    }

    public CampaignView create(@Valid @NotNull CampaignRequest request) {
        String community = Optional.ofNullable(ApiValues.blankToNull(request.community())).map(String::strip)
                .or(() -> Roles.community(identity))
                .orElseThrow(() -> InvalidInputException.of("community", "is required"));
        access.requireCommunity(community);
        Campaign campaign = new Campaign();
        campaign.id = UUID.randomUUID().toString();
        campaign.title = request.title().strip();
        campaign.community = community;
        campaign.compound = ApiValues.blankToNull(request.compound());
        campaign.targetCount = request.targetCount();
        campaign.unit = request.unit().strip();
        if (request.buildings() != null && !request.buildings().isEmpty()) {
            List<String> named = request.buildings().stream().map(String::strip).toList();
            if (named.size() != request.targetCount()) {
                throw InvalidInputException.of("buildings", "names " + named.size() + " buildings for a target of "
                        + request.targetCount());
            }
            if (named.stream().map(Campaign::buildingKey).distinct().count() != named.size()) {
                throw InvalidInputException.of("buildings", "names a building twice");
            }
            campaign.buildings.addAll(named);
        }
        campaign.createdBy = access.actor();
        campaign.createdAt = clock.instant();
        campaigns.persist(campaign);
        return view(campaign, 0, null);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<CampaignView> find(String id) {
        return campaigns.findByIdOptional(id).map(c -> {
            requireVisible(c);
            if (!c.countsBuildings()) {
                return view(c, campaigns.done(c.id), null);
            }
            Map<String, String> states = campaigns.buildingStates(c);
            return view(c, states.values().stream().filter("DONE"::equals).count(), states.entrySet().stream()
                    .map(e -> new CampaignView.BuildingState(e.getKey(), e.getValue())).toList());
        });
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<CampaignView> list(String community, PageRequest page) {
        GridAccess.Scope scope = access.scope();
        String shown = scope.community() != null ? scope.community() : community;
        if (scope.community() != null && community != null && !community.equals(scope.community())) {
            access.requireCommunity(community);
        }
        Page<Campaign> listed = KeysetPage.of(campaigns.getEntityManager(), Campaign.class).newestFirst()
                .where("e.community = :community", "community", shown)
                .rows(page, c -> c.createdAt, c -> c.id);
        Map<String, Long> done = campaigns.done(listed.items().stream().filter(c -> !c.countsBuildings())
                .map(c -> c.id).toList());
        Map<String, Map<String, String>> buildings = campaigns.buildingStates(listed.items().stream()
                .filter(Campaign::countsBuildings).toList());
        return new Page<>(listed.items().stream().map(c -> view(c, c.countsBuildings()
                        ? buildings.get(c.id).values().stream().filter("DONE"::equals).count()
                        : done.getOrDefault(c.id, 0L), null)).toList(),
                listed.nextCursor());
    }

    /** Workers see the campaigns of their own grid's community; admins their community's; others all. */
    private void requireVisible(Campaign campaign) {
        GridAccess.Scope scope = access.scope();
        if (scope.community() != null && !scope.community().equals(campaign.community)) {
            access.requireCommunity(campaign.community);
        }
        if (scope.gridId() != null) {
            access.requireGridInCommunity(scope.gridId(), campaign.community);
        }
    }

    static CampaignView view(Campaign c, long done, List<CampaignView.BuildingState> buildings) {
        BigDecimal percent = BigDecimal.valueOf(done * 100L)
                .divide(BigDecimal.valueOf(c.targetCount), 1, RoundingMode.HALF_UP);
        return new CampaignView(c.id, c.title, c.community, c.compound, c.targetCount, c.unit,
                new CampaignView.Progress(done, c.targetCount, percent), buildings, ApiValues.local(c.createdAt),
                c.version);
    }
}
