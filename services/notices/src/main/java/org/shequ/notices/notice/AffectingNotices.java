package org.shequ.notices.notice;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.shequ.notices.address.AddressMatcher;
import org.shequ.notices.notice.api.AffectingNoticeView;
import org.shequ.notices.notice.api.AreaDto;
import org.shequ.platform.problem.InvalidInputException;

/** "Am I affected?": the published notices, running or upcoming, one of whose areas the address names. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AffectingNotices {

    static final int MAX_ADDRESS = 200;

    private final NoticeRepository notices;
    private final Clock clock;

    public AffectingNotices(NoticeRepository notices, Clock clock) {
        this.notices = notices;
        this.clock = clock;
    }

    public List<AffectingNoticeView> at(String address) {
        Instant now = clock.instant();
        return matching(checked(address), notices.runningOrUpcoming(now)).stream()
                .map(match -> new AffectingNoticeView(NoticeMapper.view(match.notice(), now), match.areas()))
                .toList();
    }

    /** Those of {@code among} that the address names, with the areas that matched; the calendar uses it too. */
    public List<Match> matching(String address, List<Notice> among) {
        List<Match> matches = new ArrayList<>();
        for (Notice notice : among) {
            List<AreaDto> matched = notice.areas.stream()
                    .filter(area -> (area.road != null && AddressMatcher.namesRoad(address, area.road))
                            || (area.compound != null && AddressMatcher.namesCompound(address, area.compound)))
                    .map(NoticeMapper::area)
                    .toList();
            if (!matched.isEmpty()) {
                matches.add(new Match(notice, matched));
            }
        }
        return matches;
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

    public record Match(Notice notice, List<AreaDto> areas) {
    }
}
