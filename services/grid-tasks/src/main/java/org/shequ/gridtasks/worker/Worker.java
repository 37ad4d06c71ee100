package org.shequ.gridtasks.worker;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A grid worker (网格员), known by the subject of their token, looking after one grid. */
@Entity
@Table(name = "worker")
public class Worker {

    @Id
    public String id;

    @Column(name = "grid_id")
    public String gridId;

    public String name;

    @Column(name = "created_at")
    public Instant createdAt;

    @Version
    public long version;
}
