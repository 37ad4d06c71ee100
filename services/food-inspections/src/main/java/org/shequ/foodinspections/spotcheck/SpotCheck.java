package org.shequ.foodinspections.spotcheck;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A recorded draw: everything needed to re-run it. Never changed once written. */
@Entity
@Table(name = "spot_check")
public class SpotCheck {

    @Id
    public String id;

    public String community;
    public long seed;

    @Column(name = "algorithm_version")
    public String algorithmVersion;

    @Column(name = "roster_hash")
    public String rosterHash;

    /** The roster drawn from, as JSON text. */
    public String roster;

    @Column(name = "pick_count")
    public int pickCount;

    @Column(name = "inspectors_per_check")
    public int inspectorsPerCheck;

    @Column(name = "drawn_by")
    public String drawnBy;

    @Column(name = "drawn_at")
    public Instant drawnAt;
}
