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
import org.shequ.notices.notice.api.AreaDto;
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

    private final NoticeRepository notices;
    private final NoticeSearchIndex searchIndex;
    private final Outbox outbox;
    private final Clock clock;

    public NoticeService(NoticeRepository notices, NoticeSearchIndex searchIndex, Outbox outbox, Clock clock) {
        this.notices = notices;
        this.searchIndex = searchIndex;
        this.outbox = outbox;
        this.clock = clock;
    }

    public NoticeView create(@Valid @NotNull NoticeRequest request, NoticeEditor editor) {
        Instant now = clock.instant();
        Notice notice = new Notice();
        notice.id = UUID.randomUUID().toString();
        apply(editor.bind(request.content()), notice);
        notice.createdAt = now;
        notice.updatedAt = now;
        notice.createdBy = editor.actor();
        notice.status = NoticeStatus.DRAFT;
        notices.persist(notice);
        searchIndex.indexNew(notice);
        if (request.publishNow()) {
            publish(notice, request.publishedAt() != null ? request.publishedAt().toInstant() : now);
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
        apply(editor.bind(update), notice);
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
        publish(notice, now);
        return written(notice, now);
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
    private static void apply(NoticeUpdate content, Notice notice) {
        check(content.kind(), content.startsAt(), content.endsAt(), content.areasOrEmpty());
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
        notice.areas.addAll(content.areasOrEmpty().stream().map(NoticeMapper::entity).toList());
    }

    private void publish(Notice notice, Instant publishedAt) {
        notice.status = NoticeStatus.PUBLISHED;
        notice.publishedAt = publishedAt;
        notice.updatedAt = clock.instant();
        notices.recordAlert(notice, "Alert", publishedAt);
        outbox.append(new NoticePublished(notice.id, notice.sequence, NoticeMapper.snapshot(notice), publishedAt));
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
    private static void check(NoticeKind kind, OffsetDateTime startsAt, OffsetDateTime endsAt, List<AreaDto> areas) {
        List<FieldError> errors = new ArrayList<>();
        if (!endsAt.isAfter(startsAt)) {
            errors.add(new FieldError("endsAt", "must be after startsAt"));
        }
        if (endsAt.isAfter(startsAt.plus(MAX_WINDOW))) {
            errors.add(new FieldError("endsAt", "a notice lasts at most " + MAX_WINDOW.toDays()
                    + " days; publish a new one for the next stage of longer works"));
        }
        if (kind.needsArea() && areas.isEmpty()) {
            errors.add(new FieldError("areas", "a " + kind + " must name at least one road or compound"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
