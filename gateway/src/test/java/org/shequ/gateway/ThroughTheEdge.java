package org.shequ.gateway;

import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.shequ.gateway.http.EdgeServer;

/**
 * Tests talk to the gateway as clients do: on the edge's port (a free one in tests), not Quarkus' HTTP server,
 * which listens only on its Unix socket behind it.
 */
abstract class ThroughTheEdge {

    @Inject
    EdgeServer edge;

    @BeforeEach
    void throughTheEdge() {
        RestAssured.port = edge.port();
    }
}
