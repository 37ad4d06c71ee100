package org.shequ.gridtasks.open311.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** GeoReport v2's error, sent as a list of one (XML: {@code <errors><error>}). */
@Schema(name = "Open311Error", description = "An error in GeoReport v2's shape")
public record Open311Error(@Schema(description = "The HTTP status") int code, String description) {
}
