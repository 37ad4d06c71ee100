package org.shequ.gridtasks.open311;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.shequ.gridtasks.grid.Grid;
import org.shequ.gridtasks.grid.GridRepository;
import org.shequ.gridtasks.open311.api.Open311Receipt;
import org.shequ.gridtasks.open311.api.Open311ServiceDefinition;
import org.shequ.gridtasks.open311.api.Open311ServiceRequest;
import org.shequ.gridtasks.task.Task;
import org.shequ.gridtasks.task.TaskCategory;
import org.shequ.gridtasks.task.TaskMapper;
import org.shequ.gridtasks.task.TaskPriority;
import org.shequ.gridtasks.task.TaskRepository;
import org.shequ.gridtasks.task.TaskService;
import org.shequ.gridtasks.task.TaskSource;
import org.shequ.gridtasks.task.TaskStatus;
import org.shequ.gridtasks.task.TaskTransition;
import org.shequ.platform.json.StrictText;
import org.shequ.platform.web.ApiValues;

/**
 * Service requests as GeoReport v2 sees them: residents' reports ({@code RESIDENT_REPORT} tasks), their status as
 * {@code open}/{@code closed}, and the latest word on them. The mapping is documented in docs/OPEN311.md.
 */
@ApplicationScoped
@Transactional
public class Open311Requests {

    /** The spec's defaults: the last 90 days when no window is given, at most 1,000 requests an answer. */
    static final Duration DEFAULT_WINDOW = Duration.ofDays(90);
    static final int MAX_REQUESTS = 1000;
    private static final DateTimeFormatter W3C = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
    /** As long as a browser address gets; the column is as wide. */
    private static final int MEDIA_URL_MAX = 2048;

    private final TaskRepository tasks;
    private final TaskService service;
    private final GridRepository grids;
    private final Clock clock;

    public Open311Requests(TaskRepository tasks, TaskService service, GridRepository grids, Clock clock) {
        this.tasks = tasks;
        this.service = service;
        this.grids = grids;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Open311ServiceDefinition definition(String code, Open311Format format) {
        TaskCategory category = Open311Catalog.category(code).orElseThrow(() -> new Open311Exception(404,
                "service_code " + code + " is not a service here; see services." + format.name().toLowerCase(),
                format));
        return Open311Catalog.definition(category, grids.listed(null));
    }

    /** {@code GET requests}: by ids when given (then the other filters are ignored, as the spec says), else filtered. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Open311ServiceRequest> list(String ids, String serviceCode, String startDate, String endDate,
                                            String status, Open311Format format) {
        List<String> wanted = null;
        if (ids != null && !ids.isBlank()) {
            wanted = Arrays.stream(ids.split(",")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
            if (wanted.size() > 100 || wanted.stream().anyMatch(id -> id.length() > 36)) {
                throw new Open311Exception(400, "service_request_id: at most 100 ids, comma-separated", format);
            }
        }
        TaskCategory category = null;
        if (serviceCode != null && !serviceCode.isBlank()) {
            category = Open311Catalog.category(serviceCode.strip()).orElseThrow(() -> new Open311Exception(400,
                    "service_code " + serviceCode + " is not a service here", format));
        }
        Boolean open = null;
        if (status != null && !status.isBlank()) {
            if (!status.equals("open") && !status.equals("closed")) {
                throw new Open311Exception(400, "status must be open or closed", format);
            }
            open = status.equals("open");
        }
        Instant end = date("end_date", endDate, format).orElse(null);
        Instant start = date("start_date", startDate, format).orElse(null);
        if (start == null && end == null) {
            end = clock.instant().plusSeconds(1);
            start = end.minus(DEFAULT_WINDOW);
        } else if (start == null) {
            start = end.minus(DEFAULT_WINDOW);
        } else if (end == null) {
            end = start.plus(DEFAULT_WINDOW);
        }
        if (end.isBefore(start)) {
            throw new Open311Exception(400, "end_date must not be before start_date", format);
        }
        return requests(tasks.residentReports(wanted, category, open, start, end, MAX_REQUESTS));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Open311ServiceRequest> one(String id, Open311Format format) {
        List<Open311ServiceRequest> found = requests(tasks.residentReports(List.of(id), null, null, null, null, 1));
        if (found.isEmpty()) {
            throw new Open311Exception(404, "service_request_id " + id + " is not a request here", format);
        }
        return found;
    }

    /** {@code POST requests}: a RESIDENT_REPORT task in the grid the request names. */
    public List<Open311Receipt> create(Map<String, String> form, String actor, Open311Format format) {
        TaskCategory category = Open311Catalog.category(required(form, "service_code", format))
                .orElseThrow(() -> new Open311Exception(400, "service_code " + form.get("service_code")
                        + " is not a service here; see services." + format.name().toLowerCase(), format));
        Grid grid = grid(form, format);
        String description = text(form, "description", 4000, true, format);
        if (description == null) {
            throw new Open311Exception(400, "description is required: say what is wrong and where", format);
        }
        Task task = new Task();
        task.id = UUID.randomUUID().toString();
        task.gridId = grid.id;
        task.category = category;
        String firstLine = description.strip().lines().findFirst().orElse(description.strip());
        task.title = firstLine.length() > 60 ? firstLine.substring(0, 60) + "…" : firstLine;
        task.description = description;
        task.location.community = grid.community;
        task.location.compound = text(form, "attribute[compound]", 100, false, format);
        task.location.building = text(form, "attribute[building]", 50, false, format);
        task.location.floor = text(form, "attribute[floor]", 20, false, format);
        task.location.address = text(form, "address_string", 300, false, format);
        task.location.lat = degrees(form, "lat", 90, format);
        task.location.lon = degrees(form, "long", 180, format);
        if ((task.location.lat == null) != (task.location.lon == null)) {
            throw new Open311Exception(400, "lat and long go together: send both or neither", format);
        }
        task.mediaUrl = mediaUrl(form, format);
        task.source = TaskSource.RESIDENT_REPORT;
        task.priority = TaskPriority.NORMAL;
        TaskMapper.reported(task, actor, clock.instant());
        service.file(task, false);
        return List.of(new Open311Receipt(task.id, "已转交" + grid.community + grid.name + "网格员处理", null));
    }

    private List<Open311ServiceRequest> requests(List<Task> found) {
        Map<String, Grid> gridsById = grids.listAll().stream().collect(Collectors.toMap(g -> g.id, Function.identity()));
        Map<String, TaskTransition> last = tasks.lastLines(found.stream().map(t -> t.id).toList());
        return found.stream().map(t -> request(t, gridsById.get(t.gridId), last.get(t.id))).toList();
    }

    /** One request; statuses and the rest are mapped as docs/OPEN311.md says. */
    static Open311ServiceRequest request(Task t, Grid grid, TaskTransition last) {
        return new Open311ServiceRequest(t.id, t.status.isOpen() ? "open" : "closed", statusNotes(t, last),
                Open311Catalog.name(t.category), t.category.name(), t.description,
                grid == null ? null : grid.community + " " + grid.name, null, w3c(t.createdAt),
                w3c(last == null ? t.updatedAt : last.at), w3c(t.scheduledAt != null ? t.scheduledAt : t.dueAt),
                address(t), null, null, t.location.lat, t.location.lon, t.mediaUrl);
    }

    /** The note of the last transition; for done work without one, what the work achieved. */
    private static String statusNotes(Task t, TaskTransition last) {
        String note = last == null || "report".equals(last.action) ? null : last.note;
        if (note == null && TaskStatus.COUNTED_AS_DONE.contains(t.status)) {
            note = t.outcomeSummary;
        }
        return note;
    }

    private static String address(Task t) {
        String place = String.join(" ", Arrays.asList(t.location.community, t.location.compound,
                        t.location.building == null ? null : t.location.building + "号楼", t.location.address).stream()
                .filter(s -> s != null && !s.isBlank()).toList());
        return place.isEmpty() ? null : place;
    }

    private static String w3c(Instant instant) {
        return instant == null ? null : ApiValues.local(instant).format(W3C);
    }

    private static Optional<Instant> date(String name, String value, Open311Format format) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(value.strip()).toInstant());
        } catch (DateTimeParseException e) {
            throw new Open311Exception(400, name + " must be a W3C date-time with offset, e.g. 2024-11-26T20:00:00+08:00",
                    format);
        }
    }

    /**
     * The grid the request goes to: the one {@code attribute[grid]} names, else the one covering the compound that
     * {@code attribute[compound]} or {@code address_string} names (a resident does not know grid ids).
     */
    private Grid grid(Map<String, String> form, Open311Format format) {
        String gridId = form.get("attribute[grid]");
        if (gridId != null && !gridId.isBlank()) {
            return grids.findByIdOptional(gridId.strip()).orElseThrow(() -> new Open311Exception(400,
                    "attribute[grid]: " + gridId + " is not a grid; take one of the values of the service definition",
                    format));
        }
        String place = text(form, "attribute[compound]", 100, false, format);
        String address = place != null ? place : text(form, "address_string", 300, false, format);
        if (address == null) {
            throw new Open311Exception(400, "attribute[grid] is required, or a compound (attribute[compound] or "
                    + "address_string) that a grid covers", format);
        }
        return grids.covering(address).orElseThrow(() -> new Open311Exception(400, "No grid covers " + address
                + "; name the grid in attribute[grid]", format));
    }

    /** A WGS84 coordinate from the form: a finite decimal within ±{@code bound} degrees, or absent. */
    private static Double degrees(Map<String, String> form, String name, int bound, Open311Format format) {
        String value = form.get(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        return org.shequ.platform.web.QueryParams.degrees(value, bound).orElseThrow(() -> new Open311Exception(400,
                name + " must be WGS84 degrees between -" + bound + " and " + bound + ", e.g. "
                        + (bound == 90 ? "37.8706" : "112.5489"), format));
    }

    /**
     * An absolute http(s) address with a host and no user part, as java.net.URI reads it: shown to residents and
     * workers as a link, so nothing else (javascript:, data:, a relative path) is kept.
     */
    private static String mediaUrl(Map<String, String> form, Open311Format format) {
        String value = text(form, "media_url", MEDIA_URL_MAX, false, format);
        if (value == null) {
            return null;
        }
        try {
            java.net.URI uri = new java.net.URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            if ((scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null
                    && uri.getRawUserInfo() == null) {
                return uri.toString();
            }
        } catch (java.net.URISyntaxException notAUri) {
            // answered below
        }
        throw new Open311Exception(400, "media_url must be an absolute http or https address of the photo, e.g. "
                + "https://photos.example.cn/report/123.jpg", format);
    }

    private static String required(Map<String, String> form, String name, Open311Format format) {
        String value = form.get(name);
        if (value == null || value.isBlank()) {
            throw new Open311Exception(400, name + " is required", format);
        }
        return value.strip();
    }

    private static String text(Map<String, String> form, String name, int max, boolean lineBreaks,
                               Open311Format format) {
        String value = form.get(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        String problem = StrictText.problemIn(value, lineBreaks);
        if (problem != null) {
            throw new Open311Exception(400, name + " " + problem, format);
        }
        if (value.length() > max) {
            throw new Open311Exception(400, name + " must be at most " + max + " characters", format);
        }
        return value.strip();
    }
}
