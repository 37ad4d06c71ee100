package org.shequ.model.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a list. {@code nextCursor} is opaque to clients and null on the last page. */
public record Page<T>(List<T> items, @Schema(nullable = true) String nextCursor) {
}
