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

    @Version
    public long version;
}
