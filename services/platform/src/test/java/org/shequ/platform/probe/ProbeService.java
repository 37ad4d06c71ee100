package org.shequ.platform.probe;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.shequ.model.events.notices.NoticeEvent;
import org.shequ.model.events.notices.NoticeUpdated;
import org.shequ.platform.outbox.Outbox;
import org.shequ.platform.probe.api.ProbeRequest;
import org.shequ.platform.probe.api.ProbeUpdate;
import org.shequ.platform.probe.api.ProbeView;
import org.shequ.platform.problem.StaleVersionException;

/** Writes a probe and its event together, as every service writes its aggregates. */
@ApplicationScoped
@Transactional
public class ProbeService {

    private final ProbeRepository probes;
    private final Outbox outbox;
    private final Clock clock;
    private final String jdbcUrl;

    public ProbeService(ProbeRepository probes, Outbox outbox, Clock clock,
                        @ConfigProperty(name = "quarkus.datasource.jdbc.url") String jdbcUrl) {
        this.probes = probes;
        this.outbox = outbox;
        this.clock = clock;
        this.jdbcUrl = jdbcUrl;
    }

    public ProbeView create(@Valid @NotNull ProbeRequest request, boolean withEvent) {
        Probe probe = new Probe();
        probe.id = UUID.randomUUID().toString();
        probe.code = request.code();
        probe.kind = request.kind();
        probe.label = request.label();
        probe.note = request.note();
        probe.dueAt = request.dueAt() == null ? null : request.dueAt().toInstant();
        probe.parentId = request.parentId();
        probes.persist(probe);
        if (withEvent) {
            outbox.append(event(probe));
        }
        return view(probe);
    }

    /**
     * {@code interfere} plays a second writer who commits a change to the same probe after this one read it; with
     * {@code withEvent} the stale version is found at the flush before the event, without it only at commit.
     */
    public ProbeView update(String id, long expectedVersion, @Valid @NotNull ProbeUpdate update, boolean interfere,
                            boolean withEvent) {
        Probe probe = probes.findByIdOptional(id).orElseThrow();
        if (probe.version != expectedVersion) {
            throw new StaleVersionException("Probe", id);
        }
        if (interfere) {
            bumpVersionElsewhere(id);
        }
        probe.label = update.label();
        probe.note = update.note();
        probe.counter++;
        if (withEvent) {
            outbox.append(event(probe));
        }
        return view(probe);
    }

    /** One more event for the probe; the relay order test calls this from many threads. */
    public void bump(String id) {
        Probe probe = probes.findByIdOptional(id).orElseThrow();
        probe.counter++;
        outbox.append(event(probe));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ProbeView> find(String id) {
        return probes.findByIdOptional(id).map(ProbeService::view);
    }

    private void bumpVersionElsewhere(String id) {
        try (Connection other = DriverManager.getConnection(jdbcUrl, "root", "");
             PreparedStatement bump = other.prepareStatement("UPDATE probe SET version = version + 1 WHERE id = ?")) {
            bump.setString(1, id);
            bump.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private NoticeUpdated event(Probe probe) {
        // The probe borrows a notice event: event types live only in shared-model, and the relay does not care.
        return new NoticeUpdated(probe.id, probe.counter, new NoticeEvent.Snapshot(probe.kind.name(), probe.label,
                "probe", null, clock.instant(), clock.instant(), List.of()), clock.instant());
    }

    static ProbeView view(Probe p) {
        return new ProbeView(p.id, p.code, p.kind, p.label, p.note,
                p.dueAt == null ? null : p.dueAt.atOffset(ZoneOffset.ofHours(8)), p.parentId, p.counter, p.version);
    }
}
