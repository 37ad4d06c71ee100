package org.shequ.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rest-assured filter behind {@link OpenApiConformance}: after each answer from a server that serves an OpenAPI
 * document ({@code /q/openapi}, fetched once per server; a stub or fake upstream serves none and is not checked), it
 * keeps what {@link OpenApiAnswers} finds wrong. Successes and 304s are checked: a service's own document leaves the
 * problem answers to the gateway's merge, whose document the end-to-end suite checks them against. Paths under
 * {@code /q/} are the framework's, outside the API.
 */
public final class AnswerCheck {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Map<String, Optional<OpenApiAnswers>> DOCUMENTS = new ConcurrentHashMap<>();
    private static final List<String> MISMATCHES = new ArrayList<>();
    private static final Filter FILTER = AnswerCheck::check;

    private AnswerCheck() {
    }

    /** Called before each test: the filter is in rest-assured's defaults, and nothing is kept from before. */
    public static void install() {
        drain();
        if (RestAssured.filters().stream().noneMatch(f -> f == FILTER)) {
            RestAssured.filters(FILTER);
        }
    }

    /** The mismatches seen since the last call, and none kept. */
    public static List<String> drain() {
        synchronized (MISMATCHES) {
            List<String> found = List.copyOf(MISMATCHES);
            MISMATCHES.clear();
            return found;
        }
    }

    private static Response check(FilterableRequestSpecification request, FilterableResponseSpecification expected,
                                  FilterContext next) {
        Response answer = next.next(request, expected);
        URI uri = URI.create(request.getURI());
        if (answer.statusCode() >= 400 || uri.getPath().startsWith("/q/")) {
            return answer;
        }
        String server = uri.getScheme() + "://" + uri.getRawAuthority();
        Optional<OpenApiAnswers> document = DOCUMENTS.computeIfAbsent(server, AnswerCheck::fetch);
        if (document.isPresent()) {
            List<String> wrong = document.get().mismatches(request.getMethod(), uri.getPath(), answer.statusCode(),
                    answer.contentType(), answer.asString());
            synchronized (MISMATCHES) {
                MISMATCHES.addAll(wrong);
            }
        }
        return answer;
    }

    private static Optional<OpenApiAnswers> fetch(String server) {
        try {
            HttpRequest get = HttpRequest.newBuilder(URI.create(server + "/q/openapi?format=json"))
                    .timeout(Duration.ofSeconds(10)).build();
            HttpResponse<String> answer = HTTP.send(get, HttpResponse.BodyHandlers.ofString());
            JsonNode document = answer.statusCode() == 200 ? JSON.readTree(answer.body()) : null;
            return document != null && document.has("paths") ? Optional.of(new OpenApiAnswers(document))
                    : Optional.empty();
        } catch (java.io.IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
