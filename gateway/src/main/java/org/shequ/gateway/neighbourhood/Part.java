package org.shequ.gateway.neighbourhood;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** One part of the neighbourhood answer: its items, and when it is not fresh or missing, why. */
record Part(String name, JsonNode items, ObjectNode degraded) {
}
