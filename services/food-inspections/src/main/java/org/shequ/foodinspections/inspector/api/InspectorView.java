package org.shequ.foodinspections.inspector.api;

import java.time.OffsetDateTime;

public record InspectorView(String id, String community, String name, boolean active, OffsetDateTime createdAt) {
}
