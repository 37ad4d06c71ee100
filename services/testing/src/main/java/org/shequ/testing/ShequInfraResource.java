package org.shequ.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Points the service under test at the real MariaDB, Kafka broker and signing key of {@link TestInfra}. */
public class ShequInfraResource implements QuarkusTestResourceLifecycleManager {

    private TestInfra infra;

    @Override
    public Map<String, String> start() {
        try {
            infra = TestInfra.start();
        } catch (Exception e) {
            throw new IllegalStateException("Test infrastructure did not start", e);
        }
        return Map.of(
                "shequ.db.url", infra.dbServerUrl(),
                "shequ.kafka.bootstrap", infra.kafkaBootstrap(),
                "shequ.jwt.public-key", infra.publicKey().toString(),
                "shequ.jwt.issuer", org.shequ.local.DevKeys.ISSUER);
    }

    @Override
    public void stop() {
        if (infra != null) {
            infra.close();
        }
    }
}
