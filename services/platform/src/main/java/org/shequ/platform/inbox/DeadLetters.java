package org.shequ.platform.inbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.shequ.model.api.Page;
import org.shequ.model.cloudevents.CloudEvent;
import org.shequ.model.cloudevents.EventJson;
import org.shequ.model.cloudevents.KafkaBinding;
import org.shequ.platform.db.Outages;
import org.shequ.platform.inbox.api.DeadLetterView;
import org.shequ.platform.inbox.api.ReplayResult;
import org.shequ.platform.inbox.api.ReplaySummary;
import org.shequ.platform.paging.Cursor;
import org.shequ.platform.paging.PageRequest;
import org.shequ.platform.problem.IllegalTransitionException;
import org.shequ.platform.problem.InvalidInputException;
import org.shequ.platform.problem.ResourceNotFoundException;
import org.shequ.platform.web.ApiValues;

/**
 * The dead letters of this service's consumers, seen and replayed after a fix (docs/OPERATIONS.md, "Dead letters"). A
 * replay goes through the same inbox as the first delivery: the event id is claimed first, so an event that was
 * applied after all (a copy came again and was handled) is not applied twice; either way the row leaves the dead
 * letters. A replay that fails again stays parked with its new error.
 */
@ApplicationScoped
public class DeadLetters {

    static final int MAX_REPLAYED = 500;

    private final Instance<EventHandler> handlers;
    private final InboxRepository inbox;
    private final Clock clock;

    public DeadLetters(Instance<EventHandler> handlers, InboxRepository inbox, Clock clock) {
        this.handlers = handlers;
        this.inbox = inbox;
        this.clock = clock;
    }

    public Page<DeadLetterView> list(String consumer, PageRequest page) {
        String checked = checkedConsumer(consumer);
        Cursor after = page.after();
        Long afterId = after == null ? null : cursorId(after);
        List<InboxRepository.Parked> rows = QuarkusTransaction.requiringNew().call(() -> inbox.parkedPage(checked,
                after == null ? null : after.at(), afterId, page.fetchSize()));
        return page.toPage(rows, row -> new Cursor(row.parkedAt(), String.valueOf(row.id())), DeadLetters::view);
    }

    public ReplayResult replay(String id) {
        long rowId = parsedId(id);
        InboxRepository.Parked row = QuarkusTransaction.requiringNew().call(() -> inbox.parked(rowId))
                .orElseThrow(() -> new ResourceNotFoundException("Dead letter", id));
        EventHandler handler = handler(row.consumer()).orElseThrow(() -> new IllegalTransitionException(
                "Dead letter", id, "PARKED", "replay", List.of()));
        try {
            String outcome = QuarkusTransaction.requiringNew().call(() -> {
                InboxRepository.Parked locked = inbox.parked(rowId) // locked: two replays of one row queue
                        .orElseThrow(() -> new ResourceNotFoundException("Dead letter", id));
                CloudEvent envelope = KafkaBinding.fromRecord(locked.delivery().record());
                boolean first = inbox.applyOnce(handler, EventJson.data(envelope), envelope, locked.delivery(),
                        clock.instant());
                inbox.unpark(rowId);
                return first ? "applied" : "already-handled";
            });
            return new ReplayResult(id, row.eventId(), outcome, null);
        } catch (ResourceNotFoundException gone) {
            throw gone;
        } catch (Exception e) {
            if (Outages.isOutage(e)) {
                throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
            }
            String error = Outages.rootMessage(e);
            QuarkusTransaction.requiringNew().run(() -> inbox.failedAgain(rowId, error));
            return new ReplayResult(id, row.eventId(), "failed", error);
        }
    }

    /** Oldest first, up to {@value #MAX_REPLAYED} a call; a row that fails again is not tried twice in one call. */
    public ReplaySummary replayAll(String consumer) {
        String checked = checkedConsumer(consumer);
        List<ReplayResult> results = new ArrayList<>();
        java.time.Instant afterAt = null;
        Long afterId = null;
        List<InboxRepository.Parked> batch;
        do {
            java.time.Instant at = afterAt;
            Long lastId = afterId;
            int room = MAX_REPLAYED - results.size();
            batch = QuarkusTransaction.requiringNew().call(() -> inbox.parkedPage(checked, at, lastId,
                    Math.min(100, room)));
            for (InboxRepository.Parked row : batch) {
                results.add(replay(String.valueOf(row.id())));
                afterAt = row.parkedAt();
                afterId = row.id();
            }
        } while (!batch.isEmpty() && results.size() < MAX_REPLAYED);
        java.time.Instant at = afterAt;
        Long lastId = afterId;
        boolean more = results.size() == MAX_REPLAYED
                && !QuarkusTransaction.requiringNew().call(() -> inbox.parkedPage(checked, at, lastId, 1)).isEmpty();
        return new ReplaySummary(count(results, "applied"), count(results, "already-handled"),
                count(results, "failed"), more, results);
    }

    private static int count(List<ReplayResult> results, String outcome) {
        return (int) results.stream().filter(r -> r.outcome().equals(outcome)).count();
    }

    private Optional<EventHandler> handler(String consumer) {
        return handlers.stream().filter(h -> h.name().equals(consumer)).findFirst();
    }

    private static DeadLetterView view(InboxRepository.Parked row) {
        return new DeadLetterView(String.valueOf(row.id()), row.consumer(), row.topic(), row.partition(), row.offset(),
                row.eventId(), row.eventType(), row.error(), row.attempts(), ApiValues.local(row.parkedAt()));
    }

    private static Long cursorId(Cursor cursor) {
        try {
            return Long.valueOf(cursor.id());
        } catch (NumberFormatException notOurs) {
            throw InvalidInputException.of("cursor", "is not a cursor this list handed out");
        }
    }

    private static long parsedId(String id) {
        try {
            long parsed = Long.parseLong(id);
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw InvalidInputException.of("id", "is the id of a dead letter, as its list gives it");
    }

    private static String checkedConsumer(String consumer) {
        if (consumer == null || consumer.isBlank()) {
            return null;
        }
        if (!consumer.matches("[a-z0-9-]{1,100}")) {
            throw InvalidInputException.of("consumer", "is a consumer's name, e.g. food-safety-follow-ups");
        }
        return consumer;
    }
}
