package org.shequ.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.shequ.testing.ShequInfraResource;

/**
 * HTTP/2 at the edge: cleartext with prior knowledge ({@code curl --http2-prior-knowledge}) and over TLS by ALPN
 * (the JDK's client), answered by the same steps as HTTP/1.1: the same status, body and gateway headers.
 */
@QuarkusTest
@QuarkusTestResource(value = TlsEdge.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = ShequInfraResource.class, restrictToAnnotatedClass = true)
class Http2Test extends ThroughTheEdge {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void curlWithHttp2PriorKnowledgeGetsTheAnswerHttp11Gets() throws Exception {
        String http11 = curl("--http1.1", "/api/v1/notices/n-1");
        String http2 = curl("--http2-prior-knowledge", "/api/v1/notices/n-1");
        assertTrue(http11.startsWith("HTTP/1.1 200"), http11);
        assertTrue(http2.startsWith("HTTP/2 200"), http2);
        assertEquals(seen(body(http11)), seen(body(http2)));
        assertTrue(http2.toLowerCase().contains("ratelimit-policy: \"anonymous\""), http2);

        String refused11 = curl("--http1.1", "/api/v1/notices/n-1", "-H", "Authorization: Bearer not-a-token");
        String refused2 = curl("--http2-prior-knowledge", "/api/v1/notices/n-1", "-H", "Authorization: Bearer not-a-token");
        assertTrue(refused11.startsWith("HTTP/1.1 401") && refused2.startsWith("HTTP/2 401"), refused2);
        assertEquals(problem(body(refused11)), problem(body(refused2)));
    }

    @Test
    void anHttp2ClientOverTlsGetsTheAnswerHttp11Gets() throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(TlsEdge.keyStore)) {
            trusted.load(in, TlsEdge.PASSWORD);
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, trust.getTrustManagers(), null);
        HttpClient client = HttpClient.newBuilder().sslContext(tls).version(HttpClient.Version.HTTP_2).build();
        HttpResponse<String> overTls = client.send(HttpRequest.newBuilder(
                URI.create("https://127.0.0.1:" + edge.port() + "/api/v1/notices/n-1")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(HttpClient.Version.HTTP_2, overTls.version());
        assertEquals(200, overTls.statusCode());
        String plain = curl("--http1.1", "/api/v1/notices/n-1");
        JsonNode seenOverTls = seen(overTls.body());
        assertEquals(seen(body(plain)), seenOverTls);
        assertTrue(overTls.headers().firstValue("x-request-id").isPresent());
    }

    /** What the service saw of the request, without what differs per request (its ids). */
    private static JsonNode seen(String body) throws Exception {
        var node = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(body);
        node.remove(List.of("requestId", "traceparent", "forwardedProto"));
        return node;
    }

    private static JsonNode problem(String body) throws Exception {
        var node = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(body);
        node.remove(List.of("requestId", "instance"));
        return node;
    }

    private static String body(String answer) {
        return answer.substring(answer.indexOf("\r\n\r\n") + 4);
    }

    private String curl(String protocol, String path, String... more) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("curl", "-s", "-i", "--max-time", "10", protocol));
        command.addAll(List.of(more));
        command.add("http://127.0.0.1:" + edge.port() + path);
        Process curl = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(curl.waitFor(15, TimeUnit.SECONDS), "curl ended");
        return out;
    }
}
