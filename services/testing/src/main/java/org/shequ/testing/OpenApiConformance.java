package org.shequ.testing;

import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Every answer a test gets through rest-assured from a service is checked against that service's own OpenAPI
 * document ({@link AnswerCheck}): so the few hundred calls the suites already make, each with realistic data, are
 * also the proof that the document tells a generated client the truth. A test whose answers the document does not
 * describe fails, naming each mismatch.
 * <p>
 * Registered for every test by JUnit's extension auto-detection ({@code META-INF/services}; quarkus-junit turns
 * auto-detection on). A {@code @QuarkusTest} runs in Quarkus' own class loader, with its own copy of rest-assured,
 * so the check is installed into the test class's loader, not this one's.
 */
public final class OpenApiConformance implements BeforeEachCallback, AfterEachCallback {

    /** {@code -Dshequ.openapi.conformance=off}: for a module whose tests answer from fakes (the gateway's). */
    private static final boolean ON = !"off".equals(System.getProperty("shequ.openapi.conformance"));

    @Override
    public void beforeEach(ExtensionContext context) throws ReflectiveOperationException {
        if (ON) {
            check(context).getMethod("install").invoke(null);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws ReflectiveOperationException {
        if (!ON) {
            return;
        }
        List<?> found = (List<?>) check(context).getMethod("drain").invoke(null);
        if (!found.isEmpty()) {
            StringBuilder lines = new StringBuilder("Answers the service's OpenAPI document does not describe:");
            found.forEach(line -> lines.append("\n  ").append(line));
            throw new AssertionError(lines.toString());
        }
    }

    private static Class<?> check(ExtensionContext context) throws ClassNotFoundException {
        return Class.forName(AnswerCheck.class.getName(), true, context.getRequiredTestClass().getClassLoader());
    }
}
