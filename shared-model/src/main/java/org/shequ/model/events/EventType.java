package org.shequ.model.events;

/**
 * The CloudEvents identity of one event record: {@code type} like {@code shequ.notices.notice.published.v1},
 * the {@code source} of the service that emits it and the topic it travels on.
 */
public record EventType(String type, String source, String topic, Class<? extends DomainEvent> recordClass) {
}
