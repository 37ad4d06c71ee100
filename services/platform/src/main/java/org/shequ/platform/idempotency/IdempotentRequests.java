package org.shequ.platform.idempotency;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;
import org.shequ.platform.db.RowLocks;
import org.shequ.platform.jobs.Periodic;
import org.shequ.platform.problem.DatabaseConflicts;

/**
 * The rows behind idempotent creates, each step in a short transaction of its own, apart from the create's: a key is
 * claimed before the create runs, its answer stored after the create committed, or the claim given back when the
 * create failed, so that a retry runs it again. A claim whose request never finished (the process died) is taken
 * over after {@link #ABANDONED}; expired rows are deleted in batches.
 */
@ApplicationScoped
public class IdempotentRequests {

    /** How long a retry gets the first answer. */
    static final Duration KEPT = Duration.ofHours(24);
    /** A claim older than this, still without an answer, belongs to a request that will not finish. */
    static final Duration ABANDONED = Duration.ofMinutes(1);
    private static final Logger LOG = Logger.getLogger(IdempotentRequests.class);
    private static final int CLEANUP_BATCH = 500;

    private final EntityManager em;
    private final Clock clock;
    private Periodic cleanup;

    public IdempotentRequests(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** What became of a claim: this request goes ahead, or a retry gets the stored answer. */
    sealed interface Claim {
        record Ahead() implements Claim {
        }

        record Answered(IdempotentRequest answer) implements Claim {
        }
    }

    /**
     * Claims {@code id} for a request whose method, path and body hash to {@code requestHash}: {@code Ahead} when
     * no live row had it, the stored answer when the same request was answered before; a 422 when the key came with
     * another request, a 409 while the first is in flight.
     */
    Claim claim(String id, String requestHash) {
        Instant now = clock.instant();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                IdempotentRequest row = new IdempotentRequest();
                row.id = id;
                row.requestHash = requestHash;
                row.claimedAt = now;
                row.expiresAt = now.plus(KEPT);
                em.persist(row);
                em.flush();
            });
            return new Claim.Ahead();
        } catch (RuntimeException e) {
            if (!DatabaseConflicts.isDuplicateKey(e)) {
                throw e;
            }
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            IdempotentRequest row = RowLocks.lockedById(em, IdempotentRequest.class, "idempotent_request", id)
                    .orElseThrow(RequestInFlightException::new); // given back meanwhile: the first is being retried
            if (row.expiresAt.isBefore(now) || (row.status == null && row.claimedAt.plus(ABANDONED).isBefore(now))) {
                row.requestHash = requestHash; // expired, or its request died: this one takes the key over
                row.status = null;
                row.body = null;
                row.claimedAt = now;
                row.expiresAt = now.plus(KEPT);
                return new Claim.Ahead();
            }
            if (!row.requestHash.equals(requestHash)) {
                throw new IdempotencyKeyReusedException();
            }
            if (row.status == null) {
                throw new RequestInFlightException();
            }
            return new Claim.Answered(row);
        });
    }

    /** The create succeeded: its answer is what a retry with the same key gets. */
    void answered(String id, int status, String location, String etag, String contentType, String body) {
        QuarkusTransaction.requiringNew().run(() -> {
            IdempotentRequest row = em.find(IdempotentRequest.class, id);
            if (row != null) {
                row.status = status;
                row.location = location;
                row.etag = etag;
                row.contentType = contentType;
                row.body = body;
            }
        });
    }

    /** The create failed: the key is free again, so that a retry runs it, not a replay of the failure. */
    void release(String id) {
        QuarkusTransaction.requiringNew().run(() -> em.createQuery("delete from IdempotentRequest r where r.id = :id")
                .setParameter("id", id).executeUpdate());
    }

    void start(@Observes StartupEvent start) {
        cleanup = Periodic.every("idempotency-cleanup", Duration.ofMinutes(1), Duration.ofMinutes(10), this::expire);
    }

    void stop(@Observes ShutdownEvent stop) {
        if (cleanup != null) {
            cleanup.close();
        }
    }

    /** Deletes expired rows, a batch at a time. Answers how many went. */
    long expire() {
        Instant now = clock.instant();
        long deleted = Periodic.inBatches(CLEANUP_BATCH, () -> QuarkusTransaction.requiringNew().call(() ->
                em.createNativeQuery("DELETE FROM idempotent_request WHERE expires_at < ?1 LIMIT " + CLEANUP_BATCH)
                        .setParameter(1, now).executeUpdate()));
        if (deleted > 0) {
            LOG.debugf("Deleted %d expired idempotency keys", deleted);
        }
        return deleted;
    }
}
