package org.shequ.platform.web;

import org.jboss.logging.MDC;

/** The request id of the request being handled, as {@link RequestIdFilter} put it in the log MDC. */
public final class RequestIds {

    public static final String MDC_KEY = "requestId";

    private RequestIds() {
    }

    public static String current() {
        Object id = MDC.get(MDC_KEY);
        return id == null ? null : id.toString();
    }
}
