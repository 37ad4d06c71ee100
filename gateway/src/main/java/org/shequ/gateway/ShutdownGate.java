package org.shequ.gateway;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.shequ.model.api.Stopping;

/**
 * The gateway's side of the services' {@code ShutdownGate} (platform): from SIGTERM on ({@link Stopping}), the edge
 * answers new requests with a 503 and {@code Connection: close} instead of proxying them from an application that is
 * shutting down, which could let a service commit a change whose answer never reaches the client; requests already
 * begun finish.
 */
@ApplicationScoped
public class ShutdownGate {

    void watch(@Observes StartupEvent start) {
        Stopping.watch();
    }
}
