package org.shequ.foodinspections.provider;

public enum ProviderStatus {
    ACTIVE, SUSPENDED, CLOSED
}
