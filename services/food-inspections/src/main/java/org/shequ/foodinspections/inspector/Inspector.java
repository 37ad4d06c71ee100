package org.shequ.foodinspections.inspector;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** An inspector of a community, on the roster spot checks draw from. */
@Entity
@Table(name = "inspector")
public class Inspector {

    @Id
    public String id;

    public String community;
    public String name;
    public boolean active = true;

    @Column(name = "created_at")
    public Instant createdAt;

    @Version
    public long version;
}
