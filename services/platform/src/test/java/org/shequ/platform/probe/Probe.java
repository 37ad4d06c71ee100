package org.shequ.platform.probe;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A minimal aggregate shaped like the services' own: UUID id, a unique code, a reference, an optimistic version. */
@Entity
@Table(name = "probe")
public class Probe {

    @Id
    public String id;

    public String code;

    @Enumerated(EnumType.STRING)
    public ProbeKind kind;

    public String label;

    public String note;

    @Column(name = "due_at")
    public Instant dueAt;

    @Column(name = "parent_id")
    public Long parentId;

    public int counter;

    @Version
    public long version;
}
