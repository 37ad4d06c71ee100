package org.shequ.notices.feed;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.shequ.notices.notice.AffectingNotices;
import org.shequ.notices.notice.Notice;
import org.shequ.notices.notice.NoticeAlert;
import org.shequ.notices.notice.NoticeRepository;
import org.shequ.notices.notice.NoticeStatus;
import org.shequ.platform.web.ApiValues;

/**
 * The notices as documents people subscribe to: Atom, iCalendar and CAP. Each comes with the version a polling
 * client can send back ({@code If-None-Match}, {@code If-Modified-Since}) to get a 304 for nothing.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Feeds {

    /** A document with what a cache needs to know about it. */
    public record Document(String body, String mediaType, String version, Instant lastModified) {
    }

    static final int MAX_ENTRIES = 500;
    /** Ended notices stay in the calendar this long, so a phone shows what happened last week too. */
    static final Duration CALENDAR_HISTORY = Duration.ofDays(30);

    private final NoticeRepository notices;
    private final AffectingNotices affecting;
    private final Clock clock;
    private final CapWriter cap;

    public Feeds(NoticeRepository notices, AffectingNotices affecting, Clock clock,
                 @ConfigProperty(name = "cap.sender", defaultValue = "notices@shequ.local") String capSender) {
        this.notices = notices;
        this.affecting = affecting;
        this.clock = clock;
        this.cap = new CapWriter(capSender, affecting.lineDistanceMetres());
    }

    /**
     * A feed's version: when anything residents can see last changed ({@link #lastChange()}, read once per request
     * by the caller) and the day, since the calendar's window moves with it.
     */
    public String version(String variant, Instant last) {
        long micros = last.getEpochSecond() * 1_000_000 + last.getNano() / 1_000;
        return variant + "-" + micros + "-" + today();
    }

    public Instant lastChange() {
        Instant last = notices.lastPublicChange();
        return last == null ? Instant.EPOCH : last;
    }

    public Document atom(String base, Instant updated) {
        List<AtomWriter.Entry> entries = notices.recentlyChanged(MAX_ENTRIES).stream()
                .map(n -> new AtomWriter.Entry("urn:uuid:" + n.id, n.title, n.issuer, n.publishedAt, n.updatedAt,
                        summary(n), n.kind.name(), base + "/api/v1/notices/" + n.id, "application/json"))
                .toList();
        String body = AtomWriter.write("urn:shequ:notices", "社区通知 Shequ notices", base + "/api/v1/notices/feed.atom",
                updated, entries);
        return new Document(body, AtomWriter.MEDIA_TYPE, version("atom", updated), updated);
    }

    /** The calendar's variant: one per address asked for, and one for all. */
    public static String calendarVariant(String address) {
        return address == null ? "ics" : "ics-" + Integer.toHexString(address.strip().hashCode());
    }

    public Document calendar(String base, String address, Instant last) {
        Instant now = clock.instant();
        List<Notice> shown = notices.feed(now.minus(CALENDAR_HISTORY), MAX_ENTRIES);
        String name = "社区通知";
        if (address != null) {
            shown = affecting.matching(AffectingNotices.checked(address), shown).stream()
                    .map(AffectingNotices.Match::notice).toList();
            name = "社区通知 · " + address.strip();
        }
        return new Document(CalendarWriter.write(name, shown, now, base, affecting.lineDistanceMetres()),
                CalendarWriter.MEDIA_TYPE,
                version(calendarVariant(address), last), last);
    }

    /** The notice's latest CAP message, or empty for a draft or an unknown id. */
    public Optional<Document> cap(String id, String base) {
        return notices.findByIdOptional(id).filter(n -> n.status != NoticeStatus.DRAFT).map(n -> {
            List<NoticeAlert> alerts = notices.alerts(id);
            return new Document(cap.write(n, alerts, base + "/api/v1/notices/" + id), CapWriter.MEDIA_TYPE,
                    "cap-" + n.version, n.updatedAt);
        });
    }

    /** The current CAP messages: notices not yet over, cancelled ones included, each linking its latest message. */
    public Document capIndex(String base, Instant updated) {
        List<AtomWriter.Entry> entries = notices.feed(clock.instant(), MAX_ENTRIES).stream()
                .map(n -> new AtomWriter.Entry(cap.identifier(n, n.sequence), n.title, n.issuer, n.publishedAt,
                        n.updatedAt, CapProfile.of(n.kind).event + "：" + CapWriter.areaDesc(n), n.kind.name(),
                        base + "/api/v1/notices/" + n.id + "/cap", CapWriter.MEDIA_TYPE))
                .toList();
        String body = AtomWriter.write("urn:shequ:notices:cap", "社区通知 CAP", base + "/api/v1/notices/cap.atom",
                updated, entries);
        return new Document(body, AtomWriter.MEDIA_TYPE, version("cap-index", updated), updated);
    }

    private static String summary(Notice n) {
        String window = ApiValues.local(n.startsAt) + " — " + ApiValues.local(n.endsAt);
        String state = n.status == NoticeStatus.CANCELLED ? "【已取消】" : "";
        return state + CapWriter.areaDesc(n) + "，" + window + (n.reason != null ? "。" + n.reason : "");
    }

    private LocalDate today() {
        return ApiValues.local(clock.instant()).toLocalDate();
    }
}
