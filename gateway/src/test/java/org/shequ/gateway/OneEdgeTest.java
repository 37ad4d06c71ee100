package org.shequ.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.shequ.testing.ShequInfraResource;

/**
 * Every request takes the one edge: a service's read or write, the gateway's own endpoints, health and the OpenAPI
 * document alike. The same refusal comes back, status, headers and problem, whatever the method or path.
 */
@QuarkusTest
@QuarkusTestResource(value = StubServices.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = ShequInfraResource.class, restrictToAnnotatedClass = true)
class OneEdgeTest extends ThroughTheEdge {

    private static final List<String> TARGETS = List.of("GET /api/v1/notices/n-1", "POST /api/v1/notices",
            "DELETE /api/v1/grid/tasks/t-1", "GET /open311/v2/requests.json", "GET /api/v1/neighbourhood?address=x",
            "GET /api/v1/events", "GET /q/openapi", "GET /q/health/ready", "GET /api/v1/nowhere", "PUT /");

    @Test
    void aBadTokenGetsTheSame401WhateverTheMethodOrPath() throws Exception {
        assertSameEverywhere("Authorization: Bearer e30.e30.AAAA\r\n", "401");
    }

    @Test
    void aPoisonedHostGetsTheSame400WhateverTheMethodOrPath() throws Exception {
        assertSameEverywhere("X-Ignore: 1\r\nHost: evil.example/x?y\r\n", "400");
    }

    private void assertSameEverywhere(String extraHeaders, String status) throws Exception {
        Map<String, String> answers = new LinkedHashMap<>();
        for (String target : TARGETS) {
            String request = target + " HTTP/1.1\r\n" + (extraHeaders.contains("Host:") ? "" : "Host: gw\r\n")
                    + extraHeaders + "Content-Length: 0\r\nConnection: close\r\n\r\n";
            answers.put(target, normalised(send(request)));
        }
        String first = answers.values().iterator().next();
        assertTrue(first.startsWith("HTTP/1.1 " + status + " "), first);
        answers.forEach((target, answer) -> assertEquals(first, answer, target));
    }

    /** The answer with what differs per request (its id, the date, the instance) taken out, headers sorted. */
    private static String normalised(String answer) {
        String[] parts = answer.split("\r\n\r\n", 2);
        String[] lines = parts[0].split("\r\n");
        TreeMap<String, String> headers = new TreeMap<>();
        for (int i = 1; i < lines.length; i++) {
            String name = lines[i].substring(0, lines[i].indexOf(':')).toLowerCase();
            if (!name.equals("x-request-id") && !name.equals("date") && !name.equals("content-length")) {
                headers.put(name, lines[i].substring(lines[i].indexOf(':') + 1).strip());
            }
        }
        String body = parts.length > 1 ? parts[1].replaceAll("\"requestId\":\"[^\"]*\"", "")
                .replaceAll("\"instance\":\"[^\"]*\"", "") : "";
        return lines[0] + "\n" + headers + "\n" + body;
    }

    private String send(String request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", edge.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
