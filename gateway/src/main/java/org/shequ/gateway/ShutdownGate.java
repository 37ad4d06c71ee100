package org.shequ.gateway;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.shequ.gateway.proxy.Problems;
import org.shequ.model.api.Stopping;

/**
 * The gateway's side of the services' {@code ShutdownGate} (platform): from SIGTERM on, new requests get a 503 with
 * {@code Connection: close} instead of being proxied by an application that is shutting down, which could let a
 * service commit a change whose answer never reaches the client; requests already begun finish.
 */
@ApplicationScoped
public class ShutdownGate {

    void watch(@Observes StartupEvent start) {
        Stopping.watch();
    }

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            if (!Stopping.began()) {
                rc.next();
                return;
            }
            rc.response().putHeader(HttpHeaders.CONNECTION, "close").putHeader("Retry-After", "1");
            Problems.send(rc, 503, "shutting-down", "Service unavailable",
                    "This gateway instance is stopping; send the request again");
        }, 850); // after the request id and the route metrics, so the refusal is counted and traceable
    }
}
