package org.shequ.model.events;

/**
 * The CloudEvents identity of one event record: {@code type} like {@code shequ.notices.notice.published.v1},
 * the {@code source} of the service that emits it and the topic it travels on.
 */
public record EventType(String type, String source, String topic, Class<? extends DomainEvent> recordClass) {

    /** {@code shequ.<service>.<aggregate>.<name>.v1}, from {@code /shequ/<service>}, on {@code shequ.<service>.v1}. */
    public static EventType of(String service, String aggregate, String name, Class<? extends DomainEvent> recordClass) {
        return new EventType("shequ." + service + "." + aggregate + "." + name + ".v1", "/shequ/" + service,
                Topics.of(service), recordClass);
    }
}
