package org.shequ.notices.gazetteer;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A landmark a notice may name as an end of a stretch (北沙河南岸, 鑫磊大厦), at the house number it stands at. */
@Embeddable
public class RoadLandmark {

    public String name;

    @Column(name = "house_number")
    public int number;
}
