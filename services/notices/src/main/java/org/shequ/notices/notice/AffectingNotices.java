package org.shequ.notices.notice;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.shequ.model.address.AddressMatcher;
import org.shequ.notices.geometry.AreaGeometry;
import org.shequ.notices.notice.api.AffectingNoticeView;
import org.shequ.notices.notice.api.AreaMatch;
import org.shequ.notices.notice.api.NoticeView;
import org.shequ.platform.problem.InvalidInputException;

/**
 * "Am I affected?": the published notices, running or upcoming, one of whose areas the address names. The running
 * and upcoming notices (a few hundred) are kept in memory between public changes: each question costs one indexed
 * look-up of the latest change ({@code ix_notice_status_updated}) and the matching, not a reload.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AffectingNotices {

    /**
     * Reloaded at least this often too: replicas' clocks may disagree by a little, so a change stamped earlier than
     * the latest one seen would not show as a change; this bounds how long it can go unseen.
     */
    private static final Duration MAX_AGE = Duration.ofSeconds(5);

    /** The running and upcoming notices as of the latest public change, as residents see them. */
    private record Candidates(Instant asOf, Instant loadedAt, List<Candidate> notices) {
    }

    /** A running or upcoming notice, with its areas' shapes read once per reload (null where an area has none). */
    private record Candidate(NoticeView view, Instant endsAt, List<NoticeArea> areas, List<AreaGeometry> shapes) {
    }

    private volatile Candidates candidates = new Candidates(null, Instant.EPOCH, List.of());

    static final int MAX_ADDRESS = 200;

    private final NoticeRepository notices;
    private final Clock clock;
    private final double lineDistanceMetres;

    public AffectingNotices(NoticeRepository notices, Clock clock,
                            @ConfigProperty(name = "notices.affecting.line-distance-m", defaultValue = "50")
                            double lineDistanceMetres) {
        this.notices = notices;
        this.clock = clock;
        this.lineDistanceMetres = lineDistanceMetres;
    }

    /**
     * The notices whose area shapes hold the position: inside a polygon, or within the configured distance of a
     * line (SHEQU_NOTICES_LINE_DISTANCE_M, 50 m: the houses along a street).
     */
    public List<AffectingNoticeView> near(double lat, double lon) {
        return affecting(candidate -> {
            List<AreaMatch> matched = new ArrayList<>();
            for (int i = 0; i < candidate.areas().size(); i++) {
                AreaGeometry shape = candidate.shapes().get(i);
                if (shape != null && shape.covers(lat, lon, lineDistanceMetres)) {
                    matched.add(new AreaMatch(NoticeMapper.area(candidate.areas().get(i)), "geometry"));
                }
            }
            return matched;
        });
    }

    public double lineDistanceMetres() {
        return lineDistanceMetres;
    }

    public List<AffectingNoticeView> at(String address) {
        String checked = checked(address);
        return affecting(candidate -> matchedAreas(checked, candidate.areas()));
    }

    /** The running and upcoming notices not yet over now, each with the areas {@code matching} finds in it. */
    private List<AffectingNoticeView> affecting(java.util.function.Function<Candidate, List<AreaMatch>> matching) {
        Instant now = clock.instant();
        List<AffectingNoticeView> found = new ArrayList<>();
        for (Candidate candidate : current(now).notices()) {
            if (candidate.endsAt().isAfter(now)) {
                List<AreaMatch> matched = matching.apply(candidate);
                if (!matched.isEmpty()) {
                    found.add(AffectingNoticeView.of(candidate.view(), matched));
                }
            }
        }
        return found;
    }

    /** The cached candidates, reloaded when a public change happened since (or they were loaded before now). */
    private Candidates current(Instant now) {
        Instant lastChange = notices.lastPublicChange();
        Candidates cached = candidates;
        if (cached.asOf() == null || !cached.asOf().equals(lastChange)
                || cached.loadedAt().plus(MAX_AGE).isBefore(now)) {
            List<Candidate> loaded = notices.runningOrUpcoming(now).stream()
                    .map(n -> new Candidate(NoticeMapper.view(n, now), n.endsAt, List.copyOf(n.areas),
                            n.areas.stream().map(a -> AreaGeometry.stored(a.geometry).orElse(null))
                                    .collect(java.util.stream.Collectors.toList())))
                    .toList();
            cached = new Candidates(lastChange, now, loaded);
            candidates = cached;
        }
        return cached;
    }

    /** Those of {@code among} that the address names, with the areas that matched; the calendar uses it too. */
    public List<Match> matching(String address, List<Notice> among) {
        List<Match> matches = new ArrayList<>();
        for (Notice notice : among) {
            List<AreaMatch> matched = matchedAreas(address, notice.areas);
            if (!matched.isEmpty()) {
                matches.add(new Match(notice, matched));
            }
        }
        return matches;
    }

    /** The areas the address lies in, each with how exactly (AddressMatcher.match: segment, compound or road). */
    private static List<AreaMatch> matchedAreas(String address, List<NoticeArea> areas) {
        List<AreaMatch> matched = new ArrayList<>();
        for (NoticeArea area : areas) {
            AddressMatcher.match(address, area.place()).ifPresent(precision ->
                    matched.add(new AreaMatch(NoticeMapper.area(area), AreaMatch.of(precision))));
        }
        return matched;
    }

    public static String checked(String address) {
        if (address == null || AddressMatcher.normalise(address).isEmpty()) {
            throw InvalidInputException.of("address", "give the address to check, e.g. 新建路12号");
        }
        if (address.length() > MAX_ADDRESS) {
            throw InvalidInputException.of("address", "must be at most " + MAX_ADDRESS + " characters");
        }
        return address;
    }

    public record Match(Notice notice, List<AreaMatch> areas) {
    }
}
