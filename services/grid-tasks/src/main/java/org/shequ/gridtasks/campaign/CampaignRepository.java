package org.shequ.gridtasks.campaign;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.shequ.gridtasks.task.TaskStatus;

@ApplicationScoped
public class CampaignRepository implements PanacheRepositoryBase<Campaign, String> {

    /**
     * Tasks of the campaign that count as done (DONE or VERIFIED), counted now from the tasks themselves, so a
     * reopening or a cancellation can never leave a stale counter behind (index ix_task_campaign_status).
     */
    public long done(String campaignId) {
        return getEntityManager().createQuery(
                        "select count(t) from Task t where t.campaignId = :id and t.status in :done", Long.class)
                .setParameter("id", campaignId).setParameter("done", TaskStatus.COUNTED_AS_DONE)
                .getSingleResult();
    }

    /**
     * The state of each building of a building campaign, from its tasks now: DONE when a task there counts as done,
     * IN_PROGRESS when one is open, NOT_STARTED otherwise (index ix_task_campaign_status).
     */
    public Map<String, String> buildingStates(Campaign campaign) {
        return buildingStates(List.of(campaign)).get(campaign.id);
    }

    /** {@link #buildingStates(Campaign)} for a page of campaigns, from one query over their tasks. */
    public Map<String, Map<String, String>> buildingStates(List<Campaign> campaigns) {
        Map<String, Map<String, String>> byCampaign = new java.util.HashMap<>();
        if (!campaigns.isEmpty()) {
            for (Object[] row : getEntityManager().createQuery("select t.campaignId, t.location.building, t.status"
                            + " from Task t where t.campaignId in :ids and t.location.building is not null", Object[].class)
                    .setParameter("ids", campaigns.stream().map(c -> c.id).toList()).getResultList()) {
                TaskStatus status = (TaskStatus) row[2];
                String state = TaskStatus.COUNTED_AS_DONE.contains(status) ? "DONE"
                        : status.isOpen() ? "IN_PROGRESS" : "NOT_STARTED";
                byCampaign.computeIfAbsent((String) row[0], id -> new java.util.HashMap<>())
                        .merge(Campaign.buildingKey((String) row[1]), state, CampaignRepository::furthest);
            }
        }
        Map<String, Map<String, String>> states = new java.util.HashMap<>();
        for (Campaign campaign : campaigns) {
            Map<String, String> byKey = byCampaign.getOrDefault(campaign.id, Map.of());
            Map<String, String> ordered = new java.util.LinkedHashMap<>();
            for (String building : campaign.coveredBuildings()) {
                ordered.put(building, byKey.getOrDefault(Campaign.buildingKey(building), "NOT_STARTED"));
            }
            states.put(campaign.id, ordered);
        }
        return states;
    }

    /** Of two tasks at one building, the state of the one further along. */
    private static String furthest(String one, String other) {
        return one.equals("DONE") || other.equals("DONE") ? "DONE"
                : one.equals("IN_PROGRESS") || other.equals("IN_PROGRESS") ? "IN_PROGRESS" : "NOT_STARTED";
    }

    /** {@link #done} for many campaigns in one query; campaigns without done tasks are absent. */
    public Map<String, Long> done(List<String> campaignIds) {
        if (campaignIds.isEmpty()) {
            return Map.of();
        }
        return getEntityManager().createQuery("select t.campaignId, count(t) from Task t where t.campaignId in :ids"
                        + " and t.status in :done group by t.campaignId", Object[].class)
                .setParameter("ids", campaignIds).setParameter("done", TaskStatus.COUNTED_AS_DONE)
                .getResultStream()
                .collect(Collectors.toMap(row -> (String) row[0], row -> ((Number) row[1]).longValue()));
    }
}
