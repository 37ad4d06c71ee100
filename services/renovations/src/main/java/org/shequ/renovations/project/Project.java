package org.shequ.renovations.project;

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
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

@Entity
@Table(name = "project")
public class Project {

    @Id
    public String id;

    @Column(name = "compound_id")
    public String compoundId;

    public String title;

    @Enumerated(EnumType.STRING)
    public ProjectCategory category;

    @Enumerated(EnumType.STRING)
    public ProjectStatus status;

    public String description;

    @Column(name = "planned_start")
    public LocalDate plannedStart;

    @Column(name = "planned_end")
    public LocalDate plannedEnd;

    @Column(name = "actual_start")
    public LocalDate actualStart;

    @Column(name = "actual_end")
    public LocalDate actualEnd;

    public String contractor;

    @Column(name = "budget_cny")
    public BigDecimal budgetCny;

    @Column(name = "actual_cost_cny")
    public BigDecimal actualCostCny;

    /** Why the works ended late or cost more than the budget; required when they did. */
    @Column(name = "variance_reason")
    public String varianceReason;

    @Column(name = "cancel_reason")
    public String cancelReason;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "project_scope_item", joinColumns = @JoinColumn(name = "project_id"))
    @OrderColumn(name = "position")
    public List<ScopeItem> scope = new ArrayList<>();
}
