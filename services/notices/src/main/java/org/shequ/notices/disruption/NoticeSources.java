package org.shequ.notices.disruption;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Which notice stands for which outside source, and the source's revision it shows. */
@ApplicationScoped
public class NoticeSources {

    private final EntityManager em;

    public NoticeSources(EntityManager em) {
        this.em = em;
    }

    /** The notice and revision for a source, its row locked so the source's events apply one at a time. */
    @SuppressWarnings("unchecked")
    public Optional<Source> find(String source) {
        List<Object[]> rows = em.createNativeQuery("SELECT notice_id, revision FROM notice_source WHERE source = ?1"
                + " FOR UPDATE").setParameter(1, source).getResultList();
        return rows.stream().findFirst().map(r -> new Source((String) r[0], ((Number) r[1]).intValue()));
    }

    public void remember(String source, String noticeId, int revision, Instant now) {
        em.createNativeQuery("INSERT INTO notice_source (source, notice_id, revision, created_at) VALUES (?1, ?2, ?3, ?4)")
                .setParameter(1, source).setParameter(2, noticeId).setParameter(3, revision).setParameter(4, now)
                .executeUpdate();
    }

    public void advance(String source, int revision) {
        em.createNativeQuery("UPDATE notice_source SET revision = ?2 WHERE source = ?1")
                .setParameter(1, source).setParameter(2, revision).executeUpdate();
    }

    public record Source(String noticeId, int revision) {
    }
}
