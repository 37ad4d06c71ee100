package org.shequ.gridtasks.grid;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

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

    /** The compounds this grid covers; reports that name one of them come here. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "grid_compound", joinColumns = @JoinColumn(name = "grid_id"))
    @Column(name = "compound")
    public Set<String> compounds = new TreeSet<>();

    @Version
    public long version;
}
