package org.shequ.renovations.project;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/** A step of the works with its due date, met on a date or not yet; the project's physical progress counts them. */
@Entity
@Table(name = "milestone")
public class Milestone {

    @Id
    public String id;

    @Column(name = "project_id")
    public String projectId;

    public String title;

    @Column(name = "due_date")
    public LocalDate dueDate;

    @Column(name = "met_date")
    public LocalDate metDate;

    @Column(name = "created_at")
    public Instant createdAt;

    @Version
    public long version;

    /** {@code MET}, {@code LATE} (due and not met) or {@code SCHEDULED}, on a given day. */
    public String statusOn(LocalDate today) {
        return metDate != null ? "MET" : dueDate.isBefore(today) ? "LATE" : "SCHEDULED";
    }
}
