package org.shequ.renovations.project;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One line of a project's history: who moved it, when, how, and why. Planning it is the first line. */
@Entity
@Table(name = "project_transition")
public class ProjectTransition {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "project_id")
    public String projectId;

    public String action;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public ProjectStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    public ProjectStatus toStatus;

    public String actor;
    public String note;
    public Instant at;
}
