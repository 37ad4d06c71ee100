package org.shequ.model.api;

/** One invalid input field: {@code field} is its JSON path, e.g. {@code areas[0].road}. */
public record FieldError(String field, String message) {
}
