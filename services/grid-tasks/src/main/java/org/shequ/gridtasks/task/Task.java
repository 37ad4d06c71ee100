package org.shequ.gridtasks.task;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** Something a grid worker must see to: clutter in a stairwell, a broken railing, a resident's request. */
@Entity
@Table(name = "task")
public class Task {

    @Id
    public String id;

    @Column(name = "grid_id")
    public String gridId;

    @Enumerated(EnumType.STRING)
    public TaskCategory category;

    public String title;
    public String description;

    @Embedded
    public TaskLocation location = new TaskLocation();

    @Enumerated(EnumType.STRING)
    public TaskSource source;

    @Enumerated(EnumType.STRING)
    public TaskPriority priority;

    @Enumerated(EnumType.STRING)
    public TaskStatus status;

    @Column(name = "due_at")
    public Instant dueAt;

    @Column(name = "reported_by")
    public String reportedBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;
}
