package org.shequ.gridtasks.followup;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.shequ.gridtasks.grid.Grid;
import org.shequ.gridtasks.grid.GridRepository;
import org.shequ.gridtasks.task.Task;
import org.shequ.gridtasks.task.TaskCategory;
import org.shequ.gridtasks.task.TaskMapper;
import org.shequ.gridtasks.task.TaskPriority;
import org.shequ.gridtasks.task.TaskRepository;
import org.shequ.gridtasks.task.TaskService;
import org.shequ.gridtasks.task.TaskSource;
import org.shequ.model.cloudevents.CloudEvent;
import org.shequ.model.events.DomainEvent;
import org.shequ.model.events.EventCatalog;
import org.shequ.model.events.Topics;
import org.shequ.model.events.food.InspectionEvent;
import org.shequ.platform.inbox.EventHandler;

/**
 * A 小饭桌 inspection that ends in FAIL becomes one {@code FOOD_SAFETY_FOLLOW_UP} task, source SYSTEM, in the first
 * grid of the provider's community, linked back to the inspection and its provider. Once per inspection: the inbox
 * skips a redelivered event, and {@code uq_task__inspection_id} backs it up should an event ever arrive under a
 * second id. A community without a grid is the event's fault, not an outage: it is parked and can be replayed once
 * the grid exists. The task waits for the rectification orders its inspection opened, and closes by itself
 * (VERIFIED, by {@value #SYSTEM_ACTOR}) when the food service has published the closure of the last of them.
 */
@ApplicationScoped
public class FoodSafetyFollowUps implements EventHandler {

    static final String SYSTEM_ACTOR = "system:food-inspections";
    private static final String COMPLETED = typeOf(InspectionEvent.Completed.class);
    private static final String RECTIFICATION_CLOSED = typeOf(InspectionEvent.RectificationClosed.class);

    private final GridRepository grids;
    private final TaskRepository tasks;
    private final TaskService service;
    private final Clock clock;

    public FoodSafetyFollowUps(GridRepository grids, TaskRepository tasks, TaskService service, Clock clock) {
        this.grids = grids;
        this.tasks = tasks;
        this.service = service;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "food-safety-follow-ups";
    }

    @Override
    public String topic() {
        return Topics.FOOD_INSPECTIONS;
    }

    @Override
    public boolean wants(String eventType) {
        return COMPLETED.equals(eventType) || RECTIFICATION_CLOSED.equals(eventType);
    }

    @Override
    public void handle(DomainEvent event, CloudEvent envelope) {
        if (event instanceof InspectionEvent.RectificationClosed closed) {
            closeOrder(closed);
            return;
        }
        InspectionEvent.Completed inspection = (InspectionEvent.Completed) event;
        if (!"FAIL".equals(inspection.outcome()) || tasks.byInspection(inspection.inspectionId()).isPresent()) {
            return;
        }
        require(inspection.inspectionId(), "inspectionId");
        require(inspection.providerId(), "providerId");
        require(inspection.community(), "community");
        Grid grid = grids.firstOf(inspection.community()).orElseThrow(() -> new IllegalStateException(
                "No grid in community " + inspection.community() + " to follow up inspection "
                        + inspection.inspectionId()));
        Task task = new Task();
        task.id = UUID.randomUUID().toString();
        task.gridId = grid.id;
        task.category = TaskCategory.FOOD_SAFETY_FOLLOW_UP;
        String provider = inspection.providerName() == null ? "小饭桌" : inspection.providerName();
        task.title = truncate("复查" + provider + "整改情况", 200);
        task.description = "检查未通过，不合格项目：" + String.join("、", inspection.failedItems() == null
                ? List.of() : inspection.failedItems()) + "。请督促整改并跟进复查。";
        task.location.community = inspection.community();
        task.location.address = truncate(inspection.providerAddress(), 300);
        task.source = TaskSource.SYSTEM;
        task.priority = TaskPriority.HIGH;
        task.inspectionId = inspection.inspectionId();
        task.providerId = inspection.providerId();
        TaskMapper.reported(task, SYSTEM_ACTOR, clock.instant());
        service.file(task, false);
        List<String> awaited = inspection.rectificationsOpened() != null ? inspection.rectificationsOpened()
                : inspection.failedItems() == null ? List.of() : inspection.failedItems();
        tasks.awaitRectifications(task.id, awaited.stream().distinct().toList());
    }

    /**
     * An order of a followed-up inspection closed (its item passed a re-inspection): marked, and when it was the last
     * one the task waited for, the task closes by itself. A closure delivered again finds the order marked already
     * and changes nothing; the inbox skips it by its event id before that.
     */
    private void closeOrder(InspectionEvent.RectificationClosed closed) {
        require(closed.inspectionId(), "inspectionId");
        require(closed.item(), "item");
        Optional<Task> followUp = tasks.byInspection(closed.inspectionId());
        if (followUp.isEmpty()
                || !tasks.rectificationClosed(followUp.get().id, closed.item(), closed.closedByInspectionId(),
                        closed.closedAt() == null ? clock.instant() : closed.closedAt())) {
            return; // no follow-up for that inspection (it did not FAIL), or not an order it waits for
        }
        if (tasks.rectificationsStillOpen(followUp.get().id) == 0) {
            service.resolveFollowUp(followUp.get().id, SYSTEM_ACTOR, "整改完成：复查合格，整改单均已关闭（复查 "
                    + closed.closedByInspectionId() + "）");
        }
    }

    private static String typeOf(Class<?> event) {
        return EventCatalog.all().stream().filter(t -> t.recordClass() == event).findFirst().orElseThrow().type();
    }

    private static void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("The inspection event has no " + field);
        }
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
