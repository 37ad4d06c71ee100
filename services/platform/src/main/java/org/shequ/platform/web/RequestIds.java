package org.shequ.platform.web;

import org.jboss.logging.MDC;

/** The request id and traceparent of the request being handled, as {@link RequestIdFilter} put them in the log MDC. */
public final class RequestIds {

    public static final String MDC_KEY = "requestId";
    /** The W3C traceparent of the request (or of the event a consumer is handling), beside the request id. */
    public static final String TRACE_MDC_KEY = "traceparent";

    private RequestIds() {
    }

    public static String current() {
        Object id = MDC.get(MDC_KEY);
        return id == null ? null : id.toString();
    }

    public static String traceParent() {
        Object trace = MDC.get(TRACE_MDC_KEY);
        return trace == null ? null : trace.toString();
    }
}
