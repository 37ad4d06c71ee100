package org.shequ.platform.probe;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.shequ.model.cloudevents.CloudEvent;
import org.shequ.model.events.DomainEvent;
import org.shequ.model.events.notices.NoticeCancelled;
import org.shequ.platform.inbox.EventHandler;

/**
 * Applies cancelled-notice events from a topic of its own, as a service reacts to another's events. A reason starting
 * with "refuse" makes it fail every time, as a handler does on an event that breaks one of its rules.
 */
@ApplicationScoped
public class ProbeEventHandler implements EventHandler {

    public static final String TOPIC = "shequ.probe-inbox.v1";

    private final EntityManager em;

    public ProbeEventHandler(EntityManager em) {
        this.em = em;
    }

    @Override
    public String name() {
        return "probe-effects";
    }

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public boolean wants(String eventType) {
        return eventType.equals("shequ.notices.notice.cancelled.v1");
    }

    @Override
    public void handle(DomainEvent event, CloudEvent envelope) {
        NoticeCancelled cancelled = (NoticeCancelled) event;
        em.createNativeQuery("INSERT INTO probe_effect (event_id, notice_id, reason) VALUES (?1, ?2, ?3)")
                .setParameter(1, envelope.id()).setParameter(2, cancelled.noticeId())
                .setParameter(3, cancelled.reason()).executeUpdate();
        if (cancelled.reason() != null && cancelled.reason().startsWith("refuse")) {
            throw new IllegalStateException("this probe refuses '" + cancelled.reason() + "'");
        }
    }
}
