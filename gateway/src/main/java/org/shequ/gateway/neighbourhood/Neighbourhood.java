package org.shequ.gateway.neighbourhood;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.shequ.gateway.edge.EdgeCaller;
import org.shequ.gateway.proxy.Problems;
import org.shequ.model.address.AddressMatcher;
import org.shequ.model.api.RequestId;

/**
 * {@code GET /api/v1/neighbourhood?address=}: a resident's one-stop answer, put together from four services' public
 * reads. The notices affecting the address and the compound the address names are asked for at once; then, in
 * parallel, that compound's open grid tasks and renovation projects and its community's food providers. Every call
 * has a deadline. A part whose service fails is served from its last good answer, with its age, if there is one,
 * and is named in {@code degraded[]} with the reason either way: the answer is always a 200, never a 5xx.
 */
@ApplicationScoped
public class Neighbourhood {

    @ConfigMapping(prefix = "shequ.gateway.neighbourhood")
    public interface Settings {
        /** Each service's time to answer its part. */
        @WithDefault("PT1.5S")
        Duration deadline();

        /** How long a part's last good answer may stand in for a failing service. */
        @WithDefault("PT6H")
        Duration staleFor();
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_COMPOUND_PAGES = 25;
    private static final String DIRECTORY = "compounds";
    private static final Duration DIRECTORY_FRESH = Duration.ofSeconds(60);

    private final UpstreamReads reads;
    private final EdgeCaller edge;
    private final long deadline;
    private final LastGood lastGood;

    public Neighbourhood(UpstreamReads reads, EdgeCaller edge, Settings settings) {
        this.reads = reads;
        this.edge = edge;
        this.deadline = settings.deadline().toMillis();
        this.lastGood = new LastGood(10_000, settings.staleFor(), Clock.systemUTC());
    }

    void mount(@Observes Router router) {
        router.get("/api/v1/neighbourhood").order(-10).handler(rc -> edge.of(rc, caller -> {
            rc.request().resume();
            answer(rc);
        }));
    }

    private void answer(RoutingContext rc) {
        String address = rc.request().getParam("address");
        String problem = addressProblem(address);
        if (problem != null) {
            Problems.send(rc, 400, "invalid-input", "Invalid input", "address: " + problem);
            return;
        }
        String requestId = rc.request().getHeader(RequestId.HEADER);
        Future<Part> notices = part("notices", "notices", "/api/v1/notices/affecting?address=" + enc(address),
                requestId);
        Future<Part> compounds = compoundDirectory(requestId);
        Future<ObjectNode> compound = compounds.map(directory -> matching(address, directory.items()));
        Future<List<Part>> atCompound = compound.compose(found -> {
            if (found == null) {
                return Future.succeededFuture(List.of());
            }
            Future<Part> projects = part("projects", "renovations",
                    "/api/v1/renovations/projects?limit=50&compoundId=" + enc(found.path("id").asText()), requestId);
            Future<Part> tasks = part("tasks", "grid-tasks",
                    "/api/v1/grid/public/tasks?limit=50&compound=" + enc(found.path("name").asText()), requestId);
            Future<Part> providers = found.hasNonNull("community")
                    ? part("providers", "food-inspections", "/api/v1/food-safety/public/providers?limit=50&community="
                    + enc(found.path("community").asText()), requestId)
                    : Future.succeededFuture(new Part("providers", JSON.createArrayNode(), null));
            return Future.join(projects, tasks, providers).map(all -> List.of(projects.result(), tasks.result(),
                    providers.result()));
        });
        Future.join(notices, compounds, atCompound).onComplete(done -> {
            ObjectNode body = JSON.createObjectNode();
            body.put("address", address);
            body.set("compound", compound.result());
            ArrayNode degraded = JSON.createArrayNode();
            body.set("notices", notices.result().items());
            addDegraded(degraded, notices.result());
            body.set("tasks", JSON.createArrayNode());
            body.set("projects", JSON.createArrayNode());
            body.set("providers", JSON.createArrayNode());
            if (compounds.result().degraded() != null) {
                degraded.add(compounds.result().degraded());
            }
            for (Part part : atCompound.result()) {
                body.set(part.name(), part.items());
                addDegraded(degraded, part);
            }
            body.set("degraded", degraded);
            String json = body.toString();
            rc.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .putHeader(HttpHeaders.CACHE_CONTROL, "no-store").end(json);
        });
    }

    /**
     * Every compound the renovations service knows, page by page; the gateway matches the address against them. The
     * list changes rarely and can be long, so it is read again only when the copy held is older than
     * {@link #DIRECTORY_FRESH}: a new compound shows within that time, and a resident's question costs no directory read.
     */
    private Future<Part> compoundDirectory(String requestId) {
        Optional<LastGood.Entry> held = lastGood.get(DIRECTORY);
        if (held.isPresent() && lastGood.ageSeconds(held.get()) < DIRECTORY_FRESH.toSeconds()) {
            return Future.succeededFuture(new Part("compound", held.get().value(), null));
        }
        return allPages("/api/v1/renovations/compounds?limit=200", JSON.createArrayNode(), 0, requestId)
                .map(items -> {
                    lastGood.put(DIRECTORY, items);
                    return new Part("compound", items, null);
                })
                .otherwise(failure -> fallback("compound", "renovations", DIRECTORY, failure));
    }

    private Future<ArrayNode> allPages(String uri, ArrayNode sofar, int page, String requestId) {
        return reads.get("renovations", uri, deadline, requestId).compose(answer -> {
            answer.path("items").forEach(sofar::add);
            String next = answer.path("nextCursor").asText(null);
            if (next == null || next.isEmpty() || page + 1 >= MAX_COMPOUND_PAGES) {
                return Future.succeededFuture(sofar);
            }
            return allPages("/api/v1/renovations/compounds?limit=200&cursor=" + enc(next), sofar, page + 1, requestId);
        });
    }

    /** The compound whose name the address names; the longest such name when several do (一区 inside 一区北院). */
    static ObjectNode matching(String address, JsonNode compounds) {
        ObjectNode best = null;
        for (JsonNode compound : compounds) {
            String name = compound.path("name").asText("");
            if (!name.isEmpty() && AddressMatcher.namesCompound(address, name)
                    && (best == null || name.length() > best.path("name").asText().length())) {
                best = JSON.createObjectNode();
                best.put("id", compound.path("id").asText());
                best.put("name", name);
                best.put("community", compound.path("community").asText(null));
            }
        }
        return best;
    }

    private Future<Part> part(String name, String service, String uri, String requestId) {
        return reads.get(service, uri, deadline, requestId)
                .map(answer -> {
                    JsonNode items = answer.path("items");
                    lastGood.put(name + "|" + uri, items);
                    return new Part(name, items, null);
                })
                .otherwise(failure -> fallback(name, service, name + "|" + uri, failure));
    }

    private Part fallback(String name, String service, String key, Throwable failure) {
        ObjectNode degraded = JSON.createObjectNode();
        degraded.put("part", name).put("service", service).put("reason", failure.getMessage());
        Optional<LastGood.Entry> cached = lastGood.get(key);
        degraded.put("servedFromCache", cached.isPresent());
        cached.ifPresent(entry -> degraded.put("ageSeconds", lastGood.ageSeconds(entry)));
        return new Part(name, cached.map(LastGood.Entry::value).orElse(JSON.createArrayNode()), degraded);
    }

    private static void addDegraded(ArrayNode degraded, Part part) {
        if (part.degraded() != null) {
            degraded.add(part.degraded());
        }
    }

    private static String addressProblem(String address) {
        if (address == null || address.isBlank()) {
            return "give the address to look up, e.g. 迎泽区新建路胜利东街7号院6号楼";
        }
        if (address.codePointCount(0, address.length()) > 200) {
            return "at most 200 characters";
        }
        if (address.codePoints().anyMatch(Character::isISOControl)) {
            return "control characters are not allowed";
        }
        return null;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
