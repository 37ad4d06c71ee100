package org.shequ.gridtasks.task;

import jakarta.persistence.Embeddable;

/** Where: 富力城社区, 胜利东街7号院, building 6, the stairwell of floor 3. */
@Embeddable
public class TaskLocation {

    public String community;
    public String compound;
    public String building;
    public String floor;
    public String address;
    /** WGS84 degrees, when the reporter's client sent a position. */
    public Double lat;
    public Double lon;
}
