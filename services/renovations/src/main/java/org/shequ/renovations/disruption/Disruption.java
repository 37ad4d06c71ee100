package org.shequ.renovations.disruption;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Noise, a closed road or access, water or power off, for a time, because of a project's works. */
@Entity
@Table(name = "disruption")
public class Disruption {

    @Id
    public String id;

    @Column(name = "project_id")
    public String projectId;

    @Enumerated(EnumType.STRING)
    public DisruptionKind kind;

    @Column(name = "starts_at")
    public Instant startsAt;

    @Column(name = "ends_at")
    public Instant endsAt;

    public String description;

    /** ANNOUNCED or CANCELLED. */
    public String status;

    /** Rises with every change residents must hear of; the notice's sequence follows. */
    public int revision;

    @Column(name = "cancel_reason")
    public String cancelReason;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "disruption_area", joinColumns = @JoinColumn(name = "disruption_id"))
    @OrderColumn(name = "position")
    public List<DisruptionArea> areas = new ArrayList<>();

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;
}
