package org.shequ.gridtasks.followup;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
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
 * the grid exists.
 */
@ApplicationScoped
public class FoodSafetyFollowUps implements EventHandler {

    static final String SYSTEM_ACTOR = "system:food-inspections";
    private static final String COMPLETED = EventCatalog.all().stream()
            .filter(t -> t.recordClass() == InspectionEvent.Completed.class).findFirst().orElseThrow().type();

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
        return COMPLETED.equals(eventType);
    }

    @Override
    public void handle(DomainEvent event, CloudEvent envelope) {
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
