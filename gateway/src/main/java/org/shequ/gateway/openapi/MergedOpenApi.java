package org.shequ.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.shequ.gateway.GatewayConfig;
import org.shequ.gateway.neighbourhood.UpstreamReads;
import org.shequ.model.openapi.OpenApiMerge;
import org.shequ.model.api.RequestId;

/**
 * {@code GET /q/openapi}: the one document of the whole public API, merged ({@link OpenApiMerge}) from each service's
 * own document, read live (at most every 30 s) so it describes what is deployed. A service that does not answer
 * keeps its last document; one never read yet is left out, and the gateway says which in {@code x-shequ-missing}.
 */
@ApplicationScoped
public class MergedOpenApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final UpstreamReads reads;
    private final List<String> services;
    private final JsonNode gateway;
    private final Optional<String> publicUrl;
    private static final Duration REREAD = Duration.ofSeconds(30);
    private final Map<String, JsonNode> lastDocs = new ConcurrentHashMap<>();
    private volatile boolean everRead;
    private volatile long readAt;

    public MergedOpenApi(UpstreamReads reads, GatewayConfig config,
                         @ConfigProperty(name = "shequ.gateway.public-url") Optional<String> publicUrl) {
        this.reads = reads;
        this.services = new ArrayList<>(config.upstreams().keySet()).stream().sorted().toList();
        this.publicUrl = publicUrl;
        try (InputStream own = MergedOpenApi.class.getResourceAsStream("/openapi/gateway.json")) {
            this.gateway = JSON.readTree(own);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void mount(@Observes Router router) {
        router.get("/q/openapi").order(-20).handler(this::serve);
    }

    /**
     * Reads every service's document again when the last read is older than {@link #REREAD}: a client fetching the
     * document does not make the gateway fetch five (this endpoint needs no token), and a redeployed service's changes
     * show within that time. A service that does not answer keeps its last document, or stays missing until the next
     * read.
     */
    private Future<Void> read(String requestId) {
        long now = System.nanoTime();
        if (everRead && now - readAt < REREAD.toNanos()) {
            return Future.succeededFuture();
        }
        everRead = true;
        readAt = now;
        List<Future<JsonNode>> fetches = services.stream()
                .map(service -> reads.get(service, "/q/openapi?format=json", 3_000, requestId)
                        .onSuccess(doc -> lastDocs.put(service, doc)))
                .toList();
        return Future.join(new ArrayList<>(fetches)).mapEmpty();
    }

    private void serve(RoutingContext rc) {
        read(rc.request().getHeader(RequestId.HEADER)).onComplete(done -> {
            Map<String, JsonNode> docs = new LinkedHashMap<>();
            List<String> missing = new ArrayList<>();
            for (String service : services) {
                JsonNode doc = lastDocs.get(service);
                if (doc == null) {
                    missing.add(service);
                } else {
                    docs.put(service, doc);
                }
            }
            String server = publicUrl.orElse(rc.request().scheme() + "://" + rc.request().authority());
            var merged = OpenApiMerge.merge(docs, gateway, server);
            if (!missing.isEmpty()) {
                merged.set("x-shequ-missing", JSON.valueToTree(missing));
            }
            String json = merged.toString();
            rc.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(json);
        });
    }
}
