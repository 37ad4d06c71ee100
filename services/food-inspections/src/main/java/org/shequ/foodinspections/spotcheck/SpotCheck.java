package org.shequ.foodinspections.spotcheck;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A recorded draw: everything needed to re-run it. Its draw is never changed once written; it can only be discarded,
 * which is recorded too.
 */
@Entity
@Table(name = "spot_check")
public class SpotCheck {

    @Id
    public String id;

    public String community;

    /** Secret until {@link #revealed}: whoever knew it with the roster could tell the picks. */
    public long seed;

    /** Random text committed to with the seed, so the commitment cannot be inverted by trying seeds. */
    @Column(name = "seed_salt")
    public String seedSalt;

    /** SHA-256 of {@code "<seed>:<salt>"}, published at the draw; null for draws made with a published seed. */
    @Column(name = "seed_commitment")
    public String seedCommitment;

    @Column(name = "reveals_at")
    public Instant revealsAt;

    @Column(name = "discarded_by")
    public String discardedBy;

    @Column(name = "discarded_at")
    public Instant discardedAt;

    @Column(name = "discard_reason")
    public String discardReason;

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

    /**
     * Whether seed and picks are public: the draw was discarded, its reveal date has passed, or all its checks are
     * recorded ({@code checksDone}). Draws made before commitments existed published their seed at once.
     */
    public boolean revealed(Instant now, boolean checksDone) {
        return seedCommitment == null || discardedAt != null || !now.isBefore(revealsAt) || checksDone;
    }
}
