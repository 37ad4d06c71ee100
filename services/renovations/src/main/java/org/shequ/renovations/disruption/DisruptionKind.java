package org.shequ.renovations.disruption;

/** What the works do to residents; the notices service picks the notice kind from it. */
public enum DisruptionKind {
    NOISE, ROAD_CLOSURE, WATER, POWER, ACCESS
}
