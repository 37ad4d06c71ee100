package org.shequ.gateway;

import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.shequ.gateway.front.FrontDoor;

/**
 * Tests talk to the gateway as clients do: on the front door's port (a free one in tests), not Quarkus' HTTP
 * server, which listens only on its Unix socket behind it.
 */
abstract class ThroughTheFrontDoor {

    @Inject
    FrontDoor frontDoor;

    @BeforeEach
    void throughTheFrontDoor() {
        RestAssured.port = frontDoor.port();
    }
}
