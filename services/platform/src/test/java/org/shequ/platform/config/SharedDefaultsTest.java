package org.shequ.platform.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Defaults every service inherits, checked where a wrong one costs every request. */
class SharedDefaultsTest {

    @Test
    void trustedProxiesAreIpv4AddressesOrRangesNeverNamesDnsWouldBeAskedFor() throws Exception {
        Properties defaults = defaults();
        // Quarkus resolves anything it does not read as an address (a host name, and "::1" too) through DNS on
        // requests; where DNS does not answer, a request waited 5 s (found by deploy/bench/notices-scale.sh).
        String proxies = defaults.getProperty("shequ.http.trusted-proxies");
        assertFalse(proxies.isBlank());
        for (String proxy : proxies.split(",")) {
            assertTrue(proxy.strip().matches("\\d{1,3}(\\.\\d{1,3}){3}(/\\d{1,2})?"), proxy);
        }
    }

    @Test
    void productionHasNoDatabaseConveniences() throws Exception {
        Properties defaults = defaults();
        String prodOptions = defaults.getProperty("%prod.shequ.db.options");
        assertFalse(prodOptions.contains("createDatabaseIfNotExist"), prodOptions);
        assertFalse(prodOptions.contains("allowPublicKeyRetrieval"), prodOptions);
        assertTrue(prodOptions.contains("sslMode=${shequ.db.ssl-mode}"), prodOptions);
        assertTrue(defaults.getProperty("%prod.shequ.db.user").isEmpty(), "no default user in prod");
    }

    private static Properties defaults() throws Exception {
        Properties defaults = new Properties();
        try (InputStream in = SharedDefaultsTest.class.getResourceAsStream("/META-INF/microprofile-config.properties")) {
            defaults.load(in);
        }
        return defaults;
    }
}
