package org.shequ.foodinspections.inspection;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.BatchSize;

/** One visit to a provider: who came, what the checklist found, and the outcome the rule gave it. */
@Entity
@Table(name = "inspection")
public class Inspection {

    @Id
    public String id;

    @Column(name = "provider_id")
    public String providerId;

    @Enumerated(EnumType.STRING)
    public InspectionType type;

    @Enumerated(EnumType.STRING)
    public InspectionStatus status;

    @Column(name = "inspected_at")
    public Instant inspectedAt;

    @Enumerated(EnumType.STRING)
    public Outcome outcome;

    @Column(name = "rule_version")
    public String ruleVersion;

    @Column(name = "follow_up_of")
    public String followUpOf;

    /** Why a scheduled spot check was done by other inspectors than those drawn; null when they did it. */
    @Column(name = "substitute_reason")
    public String substituteReason;

    @Column(name = "spot_check_id")
    public String spotCheckId;

    @Column(name = "pick_position")
    public Integer pickPosition;

    @ElementCollection
    @CollectionTable(name = "inspection_inspector", joinColumns = @JoinColumn(name = "inspection_id"))
    @OrderColumn(name = "position")
    @Column(name = "inspector_id")
    @BatchSize(size = 50)
    public List<String> inspectors = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "checklist_result", joinColumns = @JoinColumn(name = "inspection_id"))
    @BatchSize(size = 50)
    public List<ChecklistEntry> checklist = new ArrayList<>();

    @Column(name = "recorded_by")
    public String recordedBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Version
    public long version;
}
