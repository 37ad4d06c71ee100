package org.shequ.gridtasks.campaign;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** Many tasks toward one goal: clear the stairwells of all 54 buildings of 胜利东街7号院, one each weekend. */
@Entity
@Table(name = "campaign")
public class Campaign {

    @Id
    public String id;

    public String title;
    public String community;
    public String compound;

    @Column(name = "target_count")
    public int targetCount;

    public String unit;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    /** The buildings it covers, as the campaign named them (empty: 1 to targetCount, for a 栋 campaign). */
    @jakarta.persistence.ElementCollection(fetch = jakarta.persistence.FetchType.EAGER)
    @jakarta.persistence.CollectionTable(name = "campaign_building",
            joinColumns = @jakarta.persistence.JoinColumn(name = "campaign_id"))
    @jakarta.persistence.OrderColumn(name = "position")
    @Column(name = "building")
    public java.util.List<String> buildings = new java.util.ArrayList<>();

    @Version
    public long version;

    /** The unit of a campaign whose target is buildings: its progress counts distinct buildings, not tasks. */
    public static final String BUILDINGS = "栋";

    public boolean countsBuildings() {
        return BUILDINGS.equals(unit) || !buildings.isEmpty();
    }

    /** The buildings it covers: those it names, else 1 to targetCount. */
    public java.util.List<String> coveredBuildings() {
        return !buildings.isEmpty() ? buildings
                : java.util.stream.IntStream.rangeClosed(1, targetCount).mapToObj(String::valueOf).toList();
    }

    /** A building as tasks and campaigns name it, without its 号楼/栋/幢 (6, 6号楼 and 6栋 are one building). */
    public static String buildingKey(String building) {
        return building == null ? null
                : org.shequ.model.address.AddressMatcher.normalise(building).replaceAll("(号楼|号|栋|幢|楼)$", "");
    }
}
