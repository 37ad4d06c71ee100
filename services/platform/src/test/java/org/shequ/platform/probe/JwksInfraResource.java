package org.shequ.platform.probe;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.shequ.testing.ShequInfraResource;
import org.shequ.testing.TestInfra;

/**
 * The real MariaDB and Kafka, with the signing key published as a JWKS at a loopback URL the way an identity provider
 * publishes it: every platform test verifies its tokens through {@code shequ.jwt.public-key} as a URL.
 */
public class JwksInfraResource extends ShequInfraResource {

    private HttpServer jwks;

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        try {
            jwks = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        jwks.createContext("/.well-known/jwks.json", exchange -> {
            byte[] body = TestInfra.get().jwks().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        jwks.start();
        config.put("shequ.jwt.public-key", "http://127.0.0.1:" + jwks.getAddress().getPort() + "/.well-known/jwks.json");
        return config;
    }

    @Override
    public void stop() {
        if (jwks != null) {
            jwks.stop(0);
        }
        super.stop();
    }
}
