package org.shequ.gateway.proxy;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.net.PemTrustOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.shequ.gateway.GatewayConfig;

/** The one pooled HTTP client the gateway talks to its upstreams with, plain or TLS, proxying and probing alike. */
@ApplicationScoped
public class UpstreamClient {

    @Produces
    @Singleton
    HttpClient client(Vertx vertx, GatewayConfig config) {
        HttpClientOptions options = new HttpClientOptions()
                .setMaxPoolSize(64)
                .setKeepAlive(true)
                .setConnectTimeout(2_000)
                .setDecompressionSupported(false)
                .setVerifyHost(true);
        config.trustCerts().ifPresent(paths -> {
            PemTrustOptions trust = new PemTrustOptions();
            paths.forEach(trust::addCertPath);
            options.setTrustOptions(trust);
        });
        return vertx.createHttpClient(options);
    }
}
