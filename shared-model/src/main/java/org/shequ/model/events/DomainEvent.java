package org.shequ.model.events;

/**
 * A fact one service tells the others. Every event family is a sealed interface that extends this,
 * so consumers can switch over it exhaustively.
 */
public interface DomainEvent {
    /** The id of the aggregate the event is about; it becomes the Kafka record key, which keeps per-aggregate order. */
    String aggregateId();
}
