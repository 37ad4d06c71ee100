package org.shequ.foodinspections.complaint;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A parent's complaint, and the COMPLAINT inspection it queued. {@code contact} is personal data. */
@Entity
@Table(name = "complaint")
public class Complaint {

    @Id
    public String id;

    /** What its author follows it by: random, unguessable, and all a follower needs. */
    public String receipt;

    @Column(name = "provider_id")
    public String providerId;

    public String description;
    public String contact;

    @Column(name = "inspection_id")
    public String inspectionId;

    @Column(name = "created_at")
    public Instant createdAt;
}
