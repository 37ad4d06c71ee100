package org.shequ.gridtasks.grid;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A grid cell (网格) of a community, looked after by its grid workers. */
@Entity
@Table(name = "grid")
public class Grid {

    @Id
    public String id;

    public String community;
    public String name;

    @Column(name = "created_at")
    public Instant createdAt;

    @Version
    public long version;
}
