package org.shequ.renovations.request;

/** OPEN until a project is linked; PLANNED while the linked project is under way; ANSWERED when it completes. */
public enum RequestStatus {
    OPEN, PLANNED, ANSWERED
}
