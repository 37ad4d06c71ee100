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
        Map<String, String> byKey = new java.util.HashMap<>();
        for (Object[] row : getEntityManager().createQuery("select t.location.building, t.status from Task t"
                + " where t.campaignId = :id and t.location.building is not null", Object[].class)
                .setParameter("id", campaign.id).getResultList()) {
            String key = Campaign.buildingKey((String) row[0]);
            TaskStatus status = (TaskStatus) row[1];
            String state = TaskStatus.COUNTED_AS_DONE.contains(status) ? "DONE"
                    : status.isOpen() ? "IN_PROGRESS" : "NOT_STARTED";
            byKey.merge(key, state, (a, b) -> a.equals("DONE") || b.equals("DONE") ? "DONE"
                    : a.equals("IN_PROGRESS") || b.equals("IN_PROGRESS") ? "IN_PROGRESS" : "NOT_STARTED");
        }
        Map<String, String> states = new java.util.LinkedHashMap<>();
        for (String building : campaign.coveredBuildings()) {
            states.put(building, byKey.getOrDefault(Campaign.buildingKey(building), "NOT_STARTED"));
        }
        return states;
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
