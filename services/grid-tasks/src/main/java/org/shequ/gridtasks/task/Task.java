package org.shequ.gridtasks.task;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.SortNatural;

/** Something a grid worker must see to: clutter in a stairwell, a broken railing, a resident's request. */
@Entity
@Table(name = "task")
public class Task {

    @Id
    public String id;

    @Column(name = "grid_id")
    public String gridId;

    @Column(name = "campaign_id")
    public String campaignId;

    @Enumerated(EnumType.STRING)
    public TaskCategory category;

    public String title;
    public String description;

    @Embedded
    public TaskLocation location = new TaskLocation();

    /** A photo of the problem, where the reporter's app keeps it (Open311 media_url); never fetched here. */
    @Column(name = "media_url")
    public String mediaUrl;

    @Enumerated(EnumType.STRING)
    public TaskSource source;

    @Enumerated(EnumType.STRING)
    public TaskPriority priority;

    @Enumerated(EnumType.STRING)
    public TaskStatus status;

    /** Kept equal to {@code status.isOpen()} so a grid's open tasks are one range of ix_task_grid_open. */
    @Column(name = "is_open")
    public boolean open = true;

    @Column(name = "due_at")
    public Instant dueAt;

    @Column(name = "scheduled_at")
    public Instant scheduledAt;

    /** Workers who took the task on, by id (their token's subject). */
    @ElementCollection
    @CollectionTable(name = "task_assignee", joinColumns = @JoinColumn(name = "task_id"))
    @Column(name = "worker_id")
    @SortNatural
    @BatchSize(size = 50)
    public SortedSet<String> assignees = new TreeSet<>();

    /** Property staff and volunteers who helped, by name. */
    @ElementCollection
    @CollectionTable(name = "task_helper", joinColumns = @JoinColumn(name = "task_id"))
    @OrderColumn(name = "position")
    @Column(name = "name")
    @BatchSize(size = 50)
    public List<String> helpers = new ArrayList<>();

    @Column(name = "spots_cleared")
    public Integer spotsCleared;

    @Column(name = "outcome_summary")
    public String outcomeSummary;

    /** For a FOOD_SAFETY_FOLLOW_UP: the failed inspection it follows up, and its provider. */
    @Column(name = "inspection_id")
    public String inspectionId;

    @Column(name = "provider_id")
    public String providerId;

    @Column(name = "reported_by")
    public String reportedBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;

    /** Moves the task; the caller has checked the action is allowed. */
    void moveTo(TaskStatus next, Instant at) {
        status = next;
        open = next.isOpen();
        updatedAt = at;
    }
}
