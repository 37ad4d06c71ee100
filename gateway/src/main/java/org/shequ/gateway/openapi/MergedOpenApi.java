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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.shequ.gateway.GatewayConfig;
import org.shequ.gateway.neighbourhood.UpstreamReads;
import org.shequ.gateway.observability.RouteMetrics;
import org.shequ.model.openapi.OpenApiMerge;
import org.shequ.gateway.proxy.Compression;
import org.shequ.model.api.RequestId;

/**
 * {@code GET /q/openapi}: the one document of the whole public API, merged ({@link OpenApiMerge}) from each service's
 * own document, read live so it always describes what is deployed. A service that does not answer keeps its last
 * document; one never read yet is left out, and the gateway says which in {@code x-shequ-missing}.
 */
@ApplicationScoped
public class MergedOpenApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final UpstreamReads reads;
    private final List<String> services;
    private final JsonNode gateway;
    private final Optional<String> publicUrl;
    private final Map<String, JsonNode> lastDocs = new ConcurrentHashMap<>();

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

    private void serve(RoutingContext rc) {
        rc.put(RouteMetrics.ROUTE, "openapi");
        String requestId = rc.request().getHeader(RequestId.HEADER);
        List<Future<JsonNode>> fetches = services.stream()
                .map(service -> reads.get(service, "/q/openapi?format=json", 3_000, requestId)
                        .onSuccess(doc -> lastDocs.put(service, doc))
                        .otherwise(failure -> lastDocs.get(service)))
                .toList();
        Future.join(new ArrayList<>(fetches)).onComplete(done -> {
            Map<String, JsonNode> docs = new LinkedHashMap<>();
            List<String> missing = new ArrayList<>();
            for (int i = 0; i < services.size(); i++) {
                JsonNode doc = fetches.get(i).result();
                if (doc == null) {
                    missing.add(services.get(i));
                } else {
                    docs.put(services.get(i), doc);
                }
            }
            String server = publicUrl.orElse(rc.request().scheme() + "://" + rc.request().authority());
            var merged = OpenApiMerge.merge(docs, gateway, server);
            if (!missing.isEmpty()) {
                merged.set("x-shequ-missing", JSON.valueToTree(missing));
            }
            String json = merged.toString();
            Compression.forOwnAnswer(rc.response(), "application/json", json.length());
            rc.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(json);
        });
    }
}
