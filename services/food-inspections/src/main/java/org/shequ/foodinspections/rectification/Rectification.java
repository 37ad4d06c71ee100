package org.shequ.foodinspections.rectification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.shequ.foodinspections.inspection.ChecklistItem;

/** An order to put a failed item right by {@code dueAt}; a follow-up that finds it passing closes it. */
@Entity
@Table(name = "rectification")
public class Rectification {

    @Id
    public String id;

    @Column(name = "inspection_id")
    public String inspectionId;

    @Column(name = "provider_id")
    public String providerId;

    @Enumerated(EnumType.STRING)
    public ChecklistItem item;

    public boolean critical;

    @Column(name = "due_at")
    public Instant dueAt;

    @Enumerated(EnumType.STRING)
    public RectificationStatus status;

    @Column(name = "closed_by")
    public String closedBy;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "overdue_announced_at")
    public Instant overdueAnnouncedAt;

    @Column(name = "created_at")
    public Instant createdAt;

    @Version
    public long version;
}
