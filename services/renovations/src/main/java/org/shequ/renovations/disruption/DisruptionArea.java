package org.shequ.renovations.disruption;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A stretch of road (路东, from — to) or a compound the disruption touches, shaped as a notice's area. */
@Embeddable
public class DisruptionArea {

    public String road;
    public String side;

    @Column(name = "from_place")
    public String from;

    @Column(name = "to_place")
    public String to;

    public String compound;
    public String description;
}
