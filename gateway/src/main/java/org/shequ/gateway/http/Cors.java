package org.shequ.gateway.http;

import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.cors.CorsConfig;
import io.netty.handler.codec.http.cors.CorsConfigBuilder;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Which web pages may call the API from a browser: Netty's CORS handler, configured from the same
 * {@code quarkus.http.cors.*} settings (and {@code SHEQU_CORS_ORIGINS}) the gateway always had. A request from an
 * origin not listed is a 403; a preflight is answered at the edge and never reaches a service.
 */
final class Cors {

    private Cors() {
    }

    static CorsConfig fromQuarkusConfig() {
        Config config = ConfigProvider.getConfig();
        List<String> origins = list(config, "quarkus.http.cors.origins");
        CorsConfigBuilder builder = origins.isEmpty() ? CorsConfigBuilder.forAnyOrigin().disable()
                : CorsConfigBuilder.forOrigins(origins.toArray(String[]::new));
        return builder
                .allowedRequestMethods(list(config, "quarkus.http.cors.methods").stream().map(HttpMethod::valueOf)
                        .toArray(HttpMethod[]::new))
                .allowedRequestHeaders(list(config, "quarkus.http.cors.headers").toArray(String[]::new))
                .exposeHeaders(list(config, "quarkus.http.cors.exposed-headers").toArray(String[]::new))
                .maxAge(config.getOptionalValue("quarkus.http.cors.access-control-max-age", Duration.class)
                        .orElse(Duration.ofHours(1)).toSeconds())
                .shortCircuit()
                .build();
    }

    private static List<String> list(Config config, String name) {
        return config.getOptionalValues(name, String.class).orElse(List.of()).stream().map(String::strip)
                .filter(value -> !value.isEmpty()).toList();
    }
}
