package org.shequ.gridtasks.task;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One line of a task's history: who moved it, when, how, and why. The report itself is the first line. */
@Entity
@Table(name = "task_transition")
public class TaskTransition {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "task_id")
    public String taskId;

    /** {@code report} for the first line, else a {@link TaskAction}'s path name. */
    public String action;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public TaskStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    public TaskStatus toStatus;

    public String actor;
    public String note;
    public Instant at;
}
