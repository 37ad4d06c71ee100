package org.shequ.model.events.food;

import java.time.Instant;
import java.util.List;
import org.shequ.model.events.DomainEvent;
import org.shequ.model.events.EventType;

/** Random spot-check draws (双随机一公开): published so anyone can re-run the draw from its seed. */
public sealed interface SpotCheckEvent extends DomainEvent permits SpotCheckEvent.Drawn {

    List<EventType> TYPES = List.of(
            EventType.of("food-inspections", "spot-check", "drawn", Drawn.class));

    String spotCheckId();

    @Override
    default String aggregateId() {
        return spotCheckId();
    }

    /**
     * A draw was made: the algorithm version and the hash of the roster it drew from, and each pick, a provider with
     * the inspectors sent to it. {@code seed} is null: it stays secret until the draw's checks are recorded
     * (GET .../spot-checks/{id} reveals it then); draws of older versions carried it.
     */
    record Drawn(String spotCheckId, Long seed, String community, String algorithmVersion, String rosterHash,
                 List<Pick> picks, Instant drawnAt) implements SpotCheckEvent {
    }

    record Pick(String providerId, List<String> inspectorIds, String inspectionId) {
    }
}
