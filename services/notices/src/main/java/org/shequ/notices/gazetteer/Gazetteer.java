package org.shequ.notices.gazetteer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.shequ.model.address.AddressMatcher;
import org.shequ.model.address.AddressMatcher.Parity;
import org.shequ.model.address.AddressMatcher.Segment;
import org.shequ.model.api.FieldError;
import org.shequ.model.api.Page;
import org.shequ.notices.gazetteer.api.LandmarkDto;
import org.shequ.notices.gazetteer.api.RoadGazetteerRequest;
import org.shequ.notices.gazetteer.api.RoadGazetteerView;
import org.shequ.platform.paging.PageRequest;
import org.shequ.platform.problem.InvalidInputException;
import org.shequ.platform.problem.PreconditionRequiredException;
import org.shequ.platform.problem.ResourceNotFoundException;
import org.shequ.platform.problem.StaleVersionException;
import org.shequ.platform.web.ApiValues;

/**
 * The district's gazetteer of roads, and the one place that turns a notice's stretch of road (新建路 路东,
 * 北沙河南岸—鑫磊大厦) into the house numbers it covers. A stretch it cannot place has no segment and is matched by
 * road, as before there was a gazetteer, so nobody is told less.
 */
@ApplicationScoped
@Transactional
public class Gazetteer {

    /** The highest house number; a side-only stretch covers every number on that side. */
    static final int MAX_NUMBER = 99_999;

    private final GazetteerRepository roads;
    private final Clock clock;

    public Gazetteer(GazetteerRepository roads, Clock clock) {
        this.roads = roads;
        this.clock = clock;
    }

    public record Written(RoadGazetteerView view, boolean created) {
    }

    /**
     * Creates the road's entry, or replaces it: a replacement needs the If-Match of the entry it replaces (428
     * without, 412 when stale), so two admins never overwrite each other unseen.
     */
    public Written put(String road, Long expectedVersion, RoadGazetteerRequest request, String actor) {
        String name = checkedRoad(road);
        String oddSide = side("oddSide", request.oddSide());
        String evenSide = side("evenSide", request.evenSide());
        if (!Sides.opposite(oddSide, evenSide)) {
            throw InvalidInputException.of("evenSide", "must be the side opposite oddSide (路东 and 路西, 路南 and 路北)");
        }
        checkLandmarks(request.landmarks());
        Instant now = clock.instant();
        Optional<RoadGazetteer> existing = roads.byKey(AddressMatcher.normalise(name));
        RoadGazetteer entry = existing.orElseGet(RoadGazetteer::new);
        if (existing.isPresent()) {
            if (expectedVersion == null) {
                throw new PreconditionRequiredException();
            }
            if (entry.version != expectedVersion) {
                throw new StaleVersionException("Road", name);
            }
        } else {
            entry.id = UUID.randomUUID().toString();
            entry.roadKey = AddressMatcher.normalise(name);
            entry.createdAt = now;
        }
        entry.road = name;
        entry.oddSide = oddSide;
        entry.evenSide = evenSide;
        entry.source = ApiValues.blankToNull(request.source());
        entry.landmarks.clear();
        for (LandmarkDto dto : request.landmarks()) {
            RoadLandmark landmark = new RoadLandmark();
            landmark.name = dto.name().strip();
            landmark.number = dto.number();
            entry.landmarks.add(landmark);
        }
        entry.updatedAt = now;
        entry.updatedBy = actor;
        if (existing.isEmpty()) {
            roads.persist(entry);
        }
        roads.flush(); // the version the ETag reports is the one written
        return new Written(view(entry), existing.isEmpty());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public RoadGazetteerView find(String road) {
        return roads.byKey(AddressMatcher.normalise(checkedRoad(road))).map(Gazetteer::view)
                .orElseThrow(() -> new ResourceNotFoundException("Road", road));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<RoadGazetteerView> list(PageRequest request) {
        Page<RoadGazetteer> rows = roads.page(request);
        return new Page<>(rows.items().stream().map(Gazetteer::view).toList(), rows.nextCursor());
    }

    /**
     * The house numbers a stretch of road covers, when the gazetteer knows the road and can read the stretch: both
     * ends as landmarks of the road (else neither), and the side as one of its two (else no side: both parities).
     * Empty when it cannot place it, or when the stretch is the whole road on both sides.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Segment> segment(String road, String side, String from, String to) {
        if (road == null) {
            return Optional.empty();
        }
        Optional<RoadGazetteer> known = roads.byKey(AddressMatcher.normalise(road));
        if (known.isEmpty() || (from == null) != (to == null)) {
            return Optional.empty();
        }
        RoadGazetteer entry = known.get();
        Parity parity = Parity.BOTH;
        if (side != null) {
            Optional<String> direction = Sides.direction(side);
            if (direction.isEmpty() || !(direction.get().equals(entry.oddSide) || direction.get().equals(entry.evenSide))) {
                return Optional.empty(); // a side this road does not have, or one not read: by road
            }
            parity = direction.get().equals(entry.oddSide) ? Parity.ODD : Parity.EVEN;
        }
        if (from == null) {
            return parity == Parity.BOTH ? Optional.empty() : Optional.of(new Segment(1, MAX_NUMBER, parity));
        }
        Optional<Integer> start = number(entry, from);
        Optional<Integer> end = number(entry, to);
        if (start.isEmpty() || end.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Segment(Math.min(start.get(), end.get()), Math.max(start.get(), end.get()), parity));
    }

    private static Optional<Integer> number(RoadGazetteer entry, String landmark) {
        String key = AddressMatcher.normalise(landmark);
        return entry.landmarks.stream().filter(l -> AddressMatcher.normalise(l.name).equals(key))
                .map(l -> l.number).findFirst();
    }

    static RoadGazetteerView view(RoadGazetteer r) {
        return new RoadGazetteerView(r.road, Sides.shown(r.oddSide), Sides.shown(r.evenSide),
                r.landmarks.stream().map(l -> new LandmarkDto(l.name, l.number)).toList(), r.source,
                ApiValues.local(r.updatedAt), r.version);
    }

    private static String checkedRoad(String road) {
        String name = road == null ? "" : road.strip();
        if (AddressMatcher.normalise(name).isEmpty() || name.length() > 100) {
            throw InvalidInputException.of("road", "name the road, e.g. 新建路 (at most 100 characters)");
        }
        String problem = org.shequ.platform.json.StrictText.problemIn(name, false);
        if (problem != null) {
            throw InvalidInputException.of("road", problem);
        }
        return name;
    }

    private static String side(String field, String side) {
        return Sides.direction(side).orElseThrow(() -> InvalidInputException.of(field,
                "must be 路东, 路西, 路南 or 路北"));
    }

    private static void checkLandmarks(List<LandmarkDto> landmarks) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < landmarks.size(); i++) {
            if (!names.add(AddressMatcher.normalise(landmarks.get(i).name()))) {
                errors.add(new FieldError("landmarks[" + i + "].name", "is named twice on this road"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
