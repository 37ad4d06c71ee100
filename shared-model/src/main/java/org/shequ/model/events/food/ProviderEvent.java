package org.shequ.model.events.food;

import java.time.Instant;
import java.util.List;
import org.shequ.model.events.DomainEvent;
import org.shequ.model.events.EventType;

/**
 * The ledger of after-school meal providers (小饭桌), on {@code shequ.food-inspections.v1}. The business is named; its
 * operator and phone (personal data under PIPL) never travel.
 */
public sealed interface ProviderEvent extends DomainEvent
        permits ProviderEvent.Registered, ProviderEvent.OperatorErased {

    List<EventType> TYPES = List.of(
            EventType.of("food-inspections", "provider", "registered", Registered.class),
            EventType.of("food-inspections", "provider", "operator-erased", OperatorErased.class));

    String providerId();

    @Override
    default String aggregateId() {
        return providerId();
    }

    record Registered(String providerId, String name, String address, String community, String status,
                      Integer capacity, Instant registeredAt) implements ProviderEvent {
    }

    /**
     * The operator's name and phone were erased on request (PIPL Art. 47): any copy kept elsewhere is to be scrubbed.
     * Carries no personal data itself.
     */
    record OperatorErased(String providerId, Instant erasedAt) implements ProviderEvent {
    }
}
