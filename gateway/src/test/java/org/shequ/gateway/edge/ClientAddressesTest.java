package org.shequ.gateway.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The client address behind proxies: believed from trusted peers only, and only as far as they wrote it. */
class ClientAddressesTest {

    private final ClientAddresses behindIngress = new ClientAddresses(List.of("10.0.0.0/8", "fd00::/8"),
            "X-Forwarded-For");

    @Test
    void fromATrustedPeerTheRightMostUntrustedAddressIsTheClient() {
        assertEquals("203.0.113.7", behindIngress.of("10.1.2.3", List.of("203.0.113.7")));
        // The client's own left-most claim is ignored: the Ingress appended what it saw.
        assertEquals("203.0.113.7", behindIngress.of("10.1.2.3", List.of("198.51.100.1, 203.0.113.7")));
        // A chain of trusted proxies is walked through, across repeated headers too.
        assertEquals("203.0.113.7", behindIngress.of("10.1.2.3", List.of("198.51.100.1", "203.0.113.7, 10.9.9.9")));
        assertEquals("2001:db8:0:0:0:0:0:1", behindIngress.of("fd00::5", List.of("[2001:db8::1]:4711")));
    }

    @Test
    void fromAnUntrustedPeerTheHeaderIsIgnored() {
        assertEquals("198.51.100.9", behindIngress.of("198.51.100.9", List.of("203.0.113.7")));
        assertEquals("198.51.100.9", new ClientAddresses(List.of(), "X-Forwarded-For")
                .of("198.51.100.9", List.of("10.1.2.3")));
    }

    @Test
    void anEntryThatIsNotAnAddressStopsAtTheProxyThatPassedItOn() {
        assertEquals("10.9.9.9", behindIngress.of("10.1.2.3", List.of("203.0.113.7, evil.example, 10.9.9.9")));
        assertEquals("10.1.2.3", behindIngress.of("10.1.2.3", List.of("unknown")));
        assertEquals("10.1.2.3", behindIngress.of("10.1.2.3", List.of("")));
        assertEquals("10.1.2.3", behindIngress.of("10.1.2.3", List.of()));
        assertEquals("10.1.2.3", behindIngress.of("10.1.2.3", List.of("203.0.113.7:99999x")));
    }

    @Test
    void rfc7239ForwardedIsReadForItsForParameters() {
        ClientAddresses forwarded = new ClientAddresses(List.of("10.0.0.0/8"), "Forwarded");
        assertEquals("203.0.113.7", forwarded.of("10.1.2.3",
                List.of("for=198.51.100.1;proto=https, for=\"203.0.113.7:443\";by=10.1.2.3")));
        assertEquals("2001:db8:0:0:0:0:0:cafe", forwarded.of("10.1.2.3", List.of("For=\"[2001:db8::cafe]\"")));
        assertEquals("10.1.2.3", forwarded.of("10.1.2.3", List.of("for=_hidden")));
        assertEquals("10.1.2.3", forwarded.of("10.1.2.3", List.of("proto=https")));
        assertEquals(List.of("a,b", "c"), ClientAddresses.forwardedFor(List.of("for=\"a,b\", for=c")));
    }

    @Test
    void namesAreNeverAddresses() {
        assertNull(ClientAddresses.literal("localhost"));
        assertNull(ClientAddresses.literal("gw.example"));
        assertNull(ClientAddresses.literal("[::1"));
        assertEquals("127.0.0.1", ClientAddresses.literal("127.0.0.1").getHostAddress());
        assertThrows(IllegalArgumentException.class, () -> new ClientAddresses(List.of("ingress.local"),
                "X-Forwarded-For"));
        assertThrows(IllegalArgumentException.class, () -> new ClientAddresses(List.of("10.0.0.0/33"),
                "X-Forwarded-For"));
        assertThrows(IllegalArgumentException.class, () -> new ClientAddresses(List.of(), "X-Real-IP"));
    }
}
