package org.shequ.platform.probe;

public enum ProbeKind {
    WATER, POWER
}
