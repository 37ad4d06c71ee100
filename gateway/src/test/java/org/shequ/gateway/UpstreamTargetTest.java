package org.shequ.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.shequ.gateway.proxy.UpstreamTarget;

class UpstreamTargetTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "http://notices, notices, 80, false",
            "https://notices, notices, 443, true",
            "http://notices.shequ.svc.cluster.local:8081, notices.shequ.svc.cluster.local, 8081, false",
            "https://renovations:8443/, renovations, 8443, true",
            "HTTPS://grid-tasks, grid-tasks, 443, true",
            "http://127.0.0.1:8083, 127.0.0.1, 8083, false"})
    void upstreamUrlWithOrWithoutPortResolvesToHostPortAndTls(String url, String host, int port, boolean tls) {
        assertEquals(new UpstreamTarget(host, port, tls), UpstreamTarget.of(URI.create(url)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ftp://notices", "notices:8081", "/relative"})
    void anythingButAnHttpOrHttpsUrlIsRefusedAtStart(String url) {
        assertThrows(IllegalArgumentException.class, () -> UpstreamTarget.of(URI.create(url)));
    }
}
