package org.shequ.notices.disruption;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.shequ.model.cloudevents.CloudEvent;
import org.shequ.model.events.DomainEvent;
import org.shequ.model.events.Topics;
import org.shequ.model.events.renovations.RenovationProjectEvent;
import org.shequ.notices.notice.NoticeEditor;
import org.shequ.notices.notice.NoticeEditors;
import org.shequ.notices.notice.NoticeKind;
import org.shequ.notices.notice.NoticeService;
import org.shequ.notices.notice.NoticeStatus;
import org.shequ.notices.notice.api.AreaDto;
import org.shequ.notices.notice.api.NoticeRequest;
import org.shequ.notices.notice.api.NoticeUpdate;
import org.shequ.notices.notice.api.NoticeView;
import org.shequ.platform.inbox.EventHandler;
import org.shequ.platform.web.ApiValues;

/**
 * Residents hear of renovation works the way they hear of a water outage: each disruption announced on a project
 * becomes a published notice, issued in the name of the compound's community, over the compound and the roads the
 * works touch. A change updates the notice (its sequence rises, calendars and CAP follow), a cancellation cancels it.
 * One disruption is one notice however often its events arrive: the inbox skips a redelivered event, and
 * {@code notice_source} maps the disruption to its notice and keeps the revision applied, so a stale one is ignored.
 */
@ApplicationScoped
public class RenovationDisruptions implements EventHandler {

    static final String ACTOR = "system:renovations";
    private static final NoticeEditor SYSTEM = NoticeEditors.system(ACTOR);
    private static final Set<String> TYPES = Set.of("shequ.renovations.project.disruption-announced.v1",
            "shequ.renovations.project.disruption-changed.v1", "shequ.renovations.project.disruption-cancelled.v1");

    private final NoticeService notices;
    private final NoticeSources sources;
    private final Clock clock;

    public RenovationDisruptions(NoticeService notices, NoticeSources sources, Clock clock) {
        this.notices = notices;
        this.sources = sources;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "renovation-disruptions";
    }

    @Override
    public String topic() {
        return Topics.RENOVATIONS;
    }

    @Override
    public boolean wants(String eventType) {
        return TYPES.contains(eventType);
    }

    @Override
    public void handle(DomainEvent event, CloudEvent envelope) {
        if (event instanceof RenovationProjectEvent.DisruptionAnnounced a) {
            show(a.disruptionId(), a.revision(), content(a.kind(), a.projectTitle(), a.compound(), a.community(),
                    a.startsAt(), a.endsAt(), a.description(), a.areas()));
        } else if (event instanceof RenovationProjectEvent.DisruptionChanged c) {
            show(c.disruptionId(), c.revision(), content(c.kind(), c.projectTitle(), c.compound(), c.community(),
                    c.startsAt(), c.endsAt(), c.description(), c.areas()));
        } else if (event instanceof RenovationProjectEvent.DisruptionCancelled c) {
            cancel(c.disruptionId(), c.revision(), c.reason());
        }
    }

    private void show(String disruptionId, int revision, NoticeUpdate content) {
        String source = source(disruptionId);
        Optional<NoticeSources.Source> known = sources.find(source);
        if (known.isEmpty()) {
            NoticeView created = notices.create(new NoticeRequest(content.kind(), content.title(), content.issuer(),
                    content.reason(), content.instructions(), content.startsAt(), content.endsAt(), content.areas(),
                    content.community(), content.contact(), null, true, null), SYSTEM);
            sources.remember(source, created.id(), revision, clock.instant());
            return;
        }
        if (revision <= known.get().revision()) {
            return; // this revision or a later one is shown already
        }
        NoticeView current = notices.find(known.get().noticeId(), SYSTEM).orElseThrow();
        if (current.status() == NoticeStatus.PUBLISHED) { // a cancelled or expired notice stays as residents saw it
            notices.update(current.id(), current.version(), content, SYSTEM);
        }
        sources.advance(source, revision);
    }

    private void cancel(String disruptionId, int revision, String reason) {
        String source = source(disruptionId);
        Optional<NoticeSources.Source> known = sources.find(source);
        if (known.isEmpty() || revision <= known.get().revision()) {
            return; // never shown (nothing to take back), or handled already
        }
        NoticeView current = notices.find(known.get().noticeId(), SYSTEM).orElseThrow();
        if (current.status() == NoticeStatus.PUBLISHED) {
            notices.cancel(current.id(), current.version(), "施工安排取消：" + reason, SYSTEM);
        }
        sources.advance(source, revision);
    }

    /** What the notice says, from the disruption: kind, title, issuer, areas and advice residents expect. */
    static NoticeUpdate content(String kind, String projectTitle, String compound, String community, Instant startsAt,
                                Instant endsAt, String description, List<RenovationProjectEvent.Area> areas) {
        NoticeKind noticeKind = switch (kind) {
            case "ROAD_CLOSURE" -> NoticeKind.ROAD_CLOSURE;
            case "WATER" -> NoticeKind.WATER_OUTAGE;
            case "POWER" -> NoticeKind.POWER_OUTAGE;
            default -> NoticeKind.CONSTRUCTION; // NOISE, ACCESS
        };
        String what = switch (noticeKind) {
            case ROAD_CLOSURE -> "道路封闭公告";
            case WATER_OUTAGE -> "停水通知";
            case POWER_OUTAGE -> "停电通知";
            default -> "施工告知";
        };
        String advice = switch (noticeKind) {
            case ROAD_CLOSURE -> "施工期间道路封闭，请绕行。";
            case WATER_OUTAGE -> "请提前做好储水准备。";
            case POWER_OUTAGE -> "请提前做好准备，注意用电安全。";
            default -> "施工期间给您带来的不便，敬请谅解。";
        };
        String title = truncate(what + "：" + compound + " " + projectTitle, 200);
        String reason = truncate("因老旧小区改造（" + projectTitle + "）施工"
                + (description == null || description.isBlank() ? "。" : "：" + description), 4000);
        List<AreaDto> noticeAreas = areas == null ? List.of() : areas.stream()
                .map(a -> new AreaDto(a.road(), a.side(), a.from(), a.to(), a.compound(), a.description())).toList();
        String issuer = community == null || community.isBlank() ? "迎泽区老旧小区改造办公室" : community;
        return new NoticeUpdate(noticeKind, title, issuer, reason, advice, ApiValues.local(startsAt),
                ApiValues.local(endsAt), noticeAreas, community, null, null);
    }

    private static String source(String disruptionId) {
        return "renovations:disruption:" + disruptionId;
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
