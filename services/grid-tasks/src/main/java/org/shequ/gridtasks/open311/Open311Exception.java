package org.shequ.gridtasks.open311;

/**
 * A failure on an Open311 path, answered as the spec's error array ({@code [{"code", "description"}]}) in the format
 * the client asked for, not as problem+json: 311 clients parse only the former.
 */
public class Open311Exception extends RuntimeException {

    private final int status;
    private final Open311Format format;

    Open311Exception(int status, String description, Open311Format format) {
        super(description);
        this.status = status;
        this.format = format;
    }

    int status() {
        return status;
    }

    Open311Format format() {
        return format;
    }
}
