package org.shequ.gateway;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.shequ.gateway.proxy.Problems;
import org.shequ.gateway.proxy.Refusal;
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
            Problems.send(rc, Refusal.shuttingDown());
        }, 850); // after the request id and the route metrics, so the refusal is counted and traceable
    }
}
