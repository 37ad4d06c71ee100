package org.shequ.gateway.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.shequ.gateway.GatewayConfig;

/**
 * The gateway is ready only when it can reach every service and each says it is ready: a load balancer should not
 * send residents to a gateway that would answer 502. Each service's state is in the check's data.
 */
@Readiness
@ApplicationScoped
public class UpstreamsReadiness implements HealthCheck {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final GatewayConfig config;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    public UpstreamsReadiness(GatewayConfig config) {
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        Map<String, CompletableFuture<String>> probes = new TreeMap<>();
        config.upstreams().forEach((service, upstream) -> probes.put(service, probe(upstream.url())));
        HealthCheckResponseBuilder response = HealthCheckResponse.named("upstreams").up();
        probes.forEach((service, state) -> {
            String result = state.join();
            response.withData(service, result);
            if (!result.equals("UP")) {
                response.down();
            }
        });
        return response.build();
    }

    private CompletableFuture<String> probe(URI service) {
        HttpRequest request = HttpRequest.newBuilder(service.resolve("/q/health/ready")).timeout(TIMEOUT).GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .thenApply(response -> response.statusCode() == 200 ? "UP" : "DOWN (HTTP " + response.statusCode() + ")")
                .exceptionally(failure -> "UNREACHABLE (" + rootCause(failure) + ")");
    }

    private static String rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }
}
