package org.shequ.notices.notice;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.shequ.model.api.Page;
import org.shequ.model.events.notices.NoticeDrafted;
import org.shequ.model.events.notices.NoticePublished;
import org.shequ.notices.notice.api.NoticeRequest;
import org.shequ.notices.notice.api.NoticeView;
import org.shequ.platform.outbox.Outbox;
import org.shequ.platform.paging.Cursor;
import org.shequ.platform.paging.PageRequest;
import org.shequ.platform.problem.InvalidInputException;
import org.shequ.platform.web.ApiValues;

/** Writes a notice and its event in one transaction; reads what the caller may see. */
@ApplicationScoped
@Transactional
public class NoticeService {

    private final NoticeRepository notices;
    private final Outbox outbox;
    private final Clock clock;

    public NoticeService(NoticeRepository notices, Outbox outbox, Clock clock) {
        this.notices = notices;
        this.outbox = outbox;
        this.clock = clock;
    }

    public NoticeView create(@Valid @NotNull NoticeRequest request, String actor) {
        if (!request.endsAt().isAfter(request.startsAt())) {
            throw InvalidInputException.of("endsAt", "must be after startsAt");
        }
        Instant now = clock.instant();
        Notice notice = new Notice();
        notice.id = UUID.randomUUID().toString();
        notice.kind = request.kind();
        notice.title = request.title().strip();
        notice.issuer = request.issuer().strip();
        notice.reason = ApiValues.blankToNull(request.reason());
        notice.instructions = ApiValues.blankToNull(request.instructions());
        notice.startsAt = request.startsAt().toInstant();
        notice.endsAt = request.endsAt().toInstant();
        notice.community = ApiValues.blankToNull(request.community());
        notice.contact = ApiValues.blankToNull(request.contact());
        notice.areas.addAll(request.areasOrEmpty().stream().map(NoticeMapper::entity).toList());
        notice.createdAt = now;
        notice.updatedAt = now;
        notice.createdBy = actor;
        if (request.publishNow()) {
            notice.status = NoticeStatus.PUBLISHED;
            notice.publishedAt = request.publishedAt() != null ? request.publishedAt().toInstant() : now;
        } else {
            notice.status = NoticeStatus.DRAFT;
        }
        notices.persist(notice);
        outbox.append(notice.status == NoticeStatus.PUBLISHED
                ? new NoticePublished(notice.id, notice.sequence, NoticeMapper.snapshot(notice), notice.publishedAt)
                : new NoticeDrafted(notice.id, NoticeMapper.snapshot(notice), now));
        notices.flush(); // the version the ETag reports is the one written
        return NoticeMapper.view(notice);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<NoticeView> find(String id, boolean editor) {
        return notices.findByIdOptional(id)
                .filter(n -> editor || n.status.isPublic())
                .map(NoticeMapper::view);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<NoticeView> list(NoticeQuery query, PageRequest page) {
        return page.toPage(notices.page(query, page.fetchSize()), n -> new Cursor(n.createdAt, n.id), NoticeMapper::view);
    }
}
