package org.shequ.model.api;

import java.util.List;

/** One page of a list. {@code nextCursor} is opaque to clients and absent on the last page. */
public record Page<T>(List<T> items, String nextCursor) {
}
