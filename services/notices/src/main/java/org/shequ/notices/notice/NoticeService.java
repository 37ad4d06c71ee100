package org.shequ.notices.notice;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.shequ.model.api.FieldError;
import org.shequ.model.api.Page;
import org.shequ.model.events.notices.NoticeCancelled;
import org.shequ.model.events.notices.NoticeDrafted;
import org.shequ.model.events.notices.NoticePublished;
import org.shequ.model.events.notices.NoticeUpdated;
import org.shequ.notices.gazetteer.Gazetteer;
import org.shequ.notices.geometry.AreaGeometry;
import org.shequ.notices.notice.api.AreaDto;
import org.shequ.notices.notice.api.ExtendRequest;
import org.shequ.notices.notice.api.RestoreRequest;
import org.shequ.notices.notice.api.NoticeRequest;
import org.shequ.notices.notice.api.NoticeUpdate;
import org.shequ.notices.notice.api.NoticeView;
import org.shequ.platform.outbox.Outbox;
import org.shequ.platform.paging.Cursor;
import org.shequ.platform.paging.PageRequest;
import org.shequ.platform.problem.IllegalTransitionException;
import org.shequ.platform.problem.InvalidInputException;
import org.shequ.platform.problem.ResourceNotFoundException;
import org.shequ.platform.problem.StaleVersionException;
import org.shequ.platform.web.ApiValues;

/**
 * The notice lifecycle: DRAFT → PUBLISHED → CANCELLED, EXPIRED once the window has passed. Every change and its event
 * are written in one transaction; a change residents already saw raises {@code sequence}.
 */
@ApplicationScoped
@Transactional
public class NoticeService {

    /** The longest window a notice may have: the day index holds a row per day of it. */
    static final java.time.Duration MAX_WINDOW = java.time.Duration.ofDays(731);
    /** How far a dispatcher's "service came back at" may run ahead of this server's clock. */
    private static final java.time.Duration CLOCK_SKEW = java.time.Duration.ofMinutes(2);

    private final NoticeRepository notices;
    private final NoticeSearchIndex searchIndex;
    private final Gazetteer gazetteer;
    private final Outbox outbox;
    private final Clock clock;

    public NoticeService(NoticeRepository notices, NoticeSearchIndex searchIndex, Gazetteer gazetteer, Outbox outbox,
                         Clock clock) {
        this.notices = notices;
        this.searchIndex = searchIndex;
        this.gazetteer = gazetteer;
        this.outbox = outbox;
        this.clock = clock;
    }

    public NoticeView create(@Valid @NotNull NoticeRequest request, NoticeEditor editor) {
        Instant now = clock.instant();
        Notice notice = new Notice();
        notice.id = UUID.randomUUID().toString();
        apply(editor.bind(request.content()), notice);
        if (request.publishNow() && notice.publishAt != null) {
            throw InvalidInputException.of("publishAt", "give publish or publishAt, not both");
        }
        notice.createdAt = now;
        notice.updatedAt = now;
        notice.createdBy = editor.actor();
        notice.status = NoticeStatus.DRAFT;
        if (request.publishNow()) {
            // Published before the INSERT, so the notice is written once, in its final state.
            markPublished(notice, request.publishedAt() != null ? request.publishedAt().toInstant() : now, now,
                    request.publishedAt() == null);
        }
        notices.persist(notice);
        searchIndex.indexNew(notice);
        if (request.publishNow()) {
            announce(notice);
        } else {
            outbox.append(new NoticeDrafted(notice.id, NoticeMapper.snapshot(notice), now));
        }
        return written(notice, now);
    }

    /** Replaces the content of a draft or a published notice that is still running. */
    public NoticeView update(String id, long expectedVersion, @Valid @NotNull NoticeUpdate update,
                             NoticeEditor editor) {
        Instant now = clock.instant();
        Notice notice = current(id, expectedVersion, "update", now, editor);
        boolean published = notice.status == NoticeStatus.PUBLISHED;
        apply(editor.bind(update), notice);
        if (published && notice.publishAt != null) {
            throw InvalidInputException.of("publishAt", "the notice is published already; send none");
        }
        notice.updatedAt = now;
        searchIndex.index(notice);
        if (notice.status == NoticeStatus.PUBLISHED) {
            notice.sequence++;
            notices.recordAlert(notice, "Update", now);
            outbox.append(new NoticeUpdated(notice.id, notice.sequence, NoticeMapper.snapshot(notice), now));
        } else {
            outbox.append(new NoticeDrafted(notice.id, NoticeMapper.snapshot(notice), now));
        }
        return written(notice, now);
    }

    public NoticeView publish(String id, Long expectedVersion, NoticeEditor editor) {
        Instant now = clock.instant();
        Notice notice = current(id, expectedVersion, "publish", now, editor);
        markPublished(notice, now, now, true);
        announce(notice);
        return written(notice, now);
    }

    /** A draft whose publishAt has come, locked by ScheduledPublications: published now, by this service's clock. */
    public void publishScheduled(Notice notice) {
        Instant now = clock.instant();
        markPublished(notice, now, now, true);
        announce(notice);
    }

    public NoticeView cancel(String id, Long expectedVersion, String reason, NoticeEditor editor) {
        Instant now = clock.instant();
        Notice notice = current(id, expectedVersion, "cancel", now, editor);
        notice.status = NoticeStatus.CANCELLED;
        notice.cancelledAt = now;
        notice.cancelReason = reason.strip();
        notice.updatedAt = now;
        notice.sequence++;
        notices.recordAlert(notice, "Cancel", now);
        outbox.append(new NoticeCancelled(notice.id, notice.sequence, notice.cancelReason, now));
        return written(notice, now);
    }

    /**
     * Service came back early: the notice now ends at {@code actualEnd}, which lies after its start, before its
     * planned end and not after now. Raises sequence: a CAP Update and a calendar change residents see again.
     */
    public NoticeView restore(String id, Long expectedVersion, RestoreRequest request, NoticeEditor editor) {
        Instant now = clock.instant();
        Notice notice = current(id, expectedVersion, "restore", now, editor);
        Instant actualEnd = request.actualEnd().toInstant();
        if (!actualEnd.isAfter(notice.startsAt) || actualEnd.isAfter(now.plus(CLOCK_SKEW))
                || !actualEnd.isBefore(notice.endsAt)) {
            throw InvalidInputException.of("actualEnd", "must be after startsAt (" + ApiValues.local(notice.startsAt)
                    + "), not after now and before the planned end (" + ApiValues.local(notice.endsAt)
                    + "); a later end is an extension");
        }
        notice.endsAt = actualEnd;
        notice.restoredAt = actualEnd;
        notice.changeNote = ApiValues.blankToNull(request.note());
        return changedForResidents(notice, now);
    }

    /** The works overrun: a later end, with the reason residents read; raises sequence as a restoration does. */
    public NoticeView extend(String id, Long expectedVersion, ExtendRequest request, NoticeEditor editor) {
        Instant now = clock.instant();
        Notice notice = current(id, expectedVersion, "extend", now, editor);
        Instant endsAt = request.endsAt().toInstant();
        if (!endsAt.isAfter(notice.endsAt)) {
            throw InvalidInputException.of("endsAt", "must be later than the current end ("
                    + ApiValues.local(notice.endsAt) + "); service that came back early is a restoration");
        }
        if (endsAt.isAfter(notice.startsAt.plus(MAX_WINDOW))) {
            throw InvalidInputException.of("endsAt", "a notice lasts at most " + MAX_WINDOW.toDays() + " days");
        }
        notice.endsAt = endsAt;
        notice.changeNote = request.reason().strip();
        return changedForResidents(notice, now);
    }

    /** A change to a published notice's window: its days re-indexed, sequence raised, an Update and its event. */
    private NoticeView changedForResidents(Notice notice, Instant now) {
        notice.updatedAt = now;
        notice.sequence++;
        searchIndex.index(notice);
        notices.recordAlert(notice, "Update", now, notice.changeNote);
        outbox.append(new NoticeUpdated(notice.id, notice.sequence, NoticeMapper.snapshot(notice), now));
        return written(notice, now);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<NoticeView> find(String id, NoticeEditor editor) {
        Instant now = clock.instant();
        return notices.findByIdOptional(id)
                .filter(editor::maySee)
                .map(n -> NoticeMapper.view(n, now));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<NoticeView> list(NoticeQuery query, PageRequest page) {
        Instant now = query.now();
        return page.toPage(notices.page(query, page.fetchSize()), n -> new Cursor(n.createdAt, n.id),
                n -> NoticeMapper.view(n, now));
    }

    /** The content of a new or changed notice, after the rules across its fields. */
    private void apply(NoticeUpdate content, Notice notice) {
        check(content.kind(), content.startsAt(), content.endsAt(), content.areasOrEmpty(), content.publishAt(),
                clock.instant());
        notice.kind = content.kind();
        notice.title = content.title().strip();
        notice.issuer = content.issuer().strip();
        notice.reason = ApiValues.blankToNull(content.reason());
        notice.instructions = ApiValues.blankToNull(content.instructions());
        notice.startsAt = content.startsAt().toInstant();
        notice.endsAt = content.endsAt().toInstant();
        notice.community = ApiValues.blankToNull(content.community());
        notice.contact = ApiValues.blankToNull(content.contact());
        notice.areas.clear();
        for (AreaDto dto : content.areasOrEmpty()) {
            NoticeArea area = NoticeMapper.entity(dto);
            gazetteer.segment(area.road, area.side, area.from, area.to).ifPresent(segment -> {
                area.numberFrom = segment.from();
                area.numberTo = segment.to();
                area.parity = segment.parity();
            });
            notice.areas.add(area);
        }
        notice.publishAt = content.publishAt() == null ? null : content.publishAt().toInstant();
    }

    /**
     * The notice as published at {@code publishedAt}; {@code byThisService} when that is now, by this service's own
     * clock, rather than a date a client gave for an import (which no warning is measured from).
     */
    private static void markPublished(Notice notice, Instant publishedAt, Instant now, boolean byThisService) {
        notice.status = NoticeStatus.PUBLISHED;
        notice.publishedAt = publishedAt;
        notice.announcedAt = byThisService ? now : null;
        notice.publishAt = null;
        notice.updatedAt = now;
    }

    /** The first CAP message and the published event, once the notice is marked published. */
    private void announce(Notice notice) {
        notices.recordAlert(notice, "Alert", notice.publishedAt);
        outbox.append(new NoticePublished(notice.id, notice.sequence, NoticeMapper.snapshot(notice),
                notice.publishedAt));
    }

    /**
     * The notice, if the caller may change it, their version is current and the action is allowed from its status
     * now. A draft the caller may not see is not found, as on GET; a public notice of another owner is a 403.
     */
    private Notice current(String id, Long expectedVersion, String action, Instant now, NoticeEditor editor) {
        Notice notice = notices.findByIdOptional(id).filter(editor::maySee)
                .orElseThrow(() -> new ResourceNotFoundException("Notice", id));
        editor.requireMayChange(notice);
        if (expectedVersion != null && notice.version != expectedVersion) {
            throw new StaleVersionException("Notice", id);
        }
        NoticeStatus status = notice.statusAt(now);
        if (!status.allows(action)) {
            throw new IllegalTransitionException("Notice", id, status.name(), action, status.allowedActions());
        }
        return notice;
    }

    private NoticeView written(Notice notice, Instant now) {
        notices.flush(); // the version the ETag reports is the one written
        return NoticeMapper.view(notice, now);
    }

    /** Rules across fields, all reported at once. */
    private static void check(NoticeKind kind, OffsetDateTime startsAt, OffsetDateTime endsAt, List<AreaDto> areas,
                              OffsetDateTime publishAt, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        if (publishAt != null && !publishAt.toInstant().isAfter(now)) {
            errors.add(new FieldError("publishAt", "must be in the future; to publish now, send publish: true or "
                    + "POST …/publish"));
        }
        if (publishAt != null && !publishAt.isBefore(endsAt)) {
            errors.add(new FieldError("publishAt", "must be before endsAt: residents are told before it is over"));
        }
        if (!endsAt.isAfter(startsAt)) {
            errors.add(new FieldError("endsAt", "must be after startsAt"));
        }
        if (endsAt.isAfter(startsAt.plus(MAX_WINDOW))) {
            errors.add(new FieldError("endsAt", "a notice lasts at most " + MAX_WINDOW.toDays()
                    + " days; publish a new one for the next stage of longer works"));
        }
        for (int i = 0; i < areas.size(); i++) {
            if (areas.get(i).geometry() != null) {
                try {
                    AreaGeometry.read(NoticeMapper.geometryText(areas.get(i).geometry()));
                } catch (AreaGeometry.InvalidGeometry invalid) {
                    errors.add(new FieldError("areas[" + i + "].geometry", invalid.getMessage()));
                }
            }
        }
        if (kind.needsArea() && areas.isEmpty()) {
            errors.add(new FieldError("areas", "a " + kind + " must name at least one road or compound"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
