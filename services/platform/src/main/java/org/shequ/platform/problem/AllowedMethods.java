package org.shequ.platform.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which methods each path of this service answers, for the {@code Allow} header RFC 9110 requires on a 405. The
 * REST layer refuses a wrong method without saying what is allowed, so the routes are read once from the resource
 * classes themselves.
 */
@ApplicationScoped
public class AllowedMethods {

    private static final Pattern PARAMETER = Pattern.compile("\\{\\s*\\w[\\w.-]*\\s*(?::\\s*((?:[^{}]|\\{[^{}]*})+))?}");

    private final List<Route> routes = new ArrayList<>();

    public AllowedMethods(BeanManager beans) {
        for (Bean<?> bean : beans.getBeans(Object.class, Any.Literal.INSTANCE)) {
            Path base = bean.getBeanClass().getAnnotation(Path.class);
            if (base != null) {
                read(base.value(), bean.getBeanClass());
            }
        }
    }

    /** The methods allowed on {@code path}, with HEAD where GET is and OPTIONS always; empty when no route matches. */
    public String allowOn(String path) {
        Set<String> methods = new TreeSet<>();
        for (Route route : routes) {
            if (route.pattern.matcher(path).matches()) {
                methods.add(route.method);
            }
        }
        if (methods.isEmpty()) {
            return "";
        }
        if (methods.contains("GET")) {
            methods.add("HEAD");
        }
        methods.add("OPTIONS");
        return String.join(", ", methods);
    }

    private void read(String base, Class<?> resource) {
        for (Method method : resource.getMethods()) {
            String verb = verbOf(method);
            if (verb != null) {
                Path sub = method.getAnnotation(Path.class);
                routes.add(new Route(verb, regex(base + "/" + (sub == null ? "" : sub.value()))));
            }
        }
    }

    private static String verbOf(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return verb.value();
            }
        }
        return null;
    }

    static Pattern regex(String template) {
        String path = ("/" + template).replaceAll("/+", "/");
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        StringBuilder regex = new StringBuilder();
        Matcher parameter = PARAMETER.matcher(path);
        int last = 0;
        while (parameter.find()) {
            regex.append(Pattern.quote(path.substring(last, parameter.start())));
            regex.append('(').append(parameter.group(1) == null ? "[^/]+" : parameter.group(1)).append(')');
            last = parameter.end();
        }
        regex.append(Pattern.quote(path.substring(last))).append("/?");
        return Pattern.compile(regex.toString());
    }

    private record Route(String method, Pattern pattern) {
    }
}
