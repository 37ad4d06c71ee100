package org.shequ.notices.notice;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.shequ.model.address.AddressMatcher;

/** A stretch of road (新建路 路东, 北沙河南岸—鑫磊大厦) or a compound that a notice affects. */
@Embeddable
public class NoticeArea {

    public String road;
    public String side;

    @Column(name = "from_place")
    public String from;

    @Column(name = "to_place")
    public String to;

    public String compound;
    public String description;

    /** GeoJSON LineString or Polygon (WGS84), checked by AreaGeometry when written. */
    public String geometry;

    /** The house numbers the gazetteer placed this stretch at when the notice was written; null: it could not. */
    @Column(name = "number_from")
    public Integer numberFrom;

    @Column(name = "number_to")
    public Integer numberTo;

    @Enumerated(EnumType.STRING)
    public AddressMatcher.Parity parity;

    /** The stretch as the matcher takes it. */
    public AddressMatcher.Place place() {
        return new AddressMatcher.Place(road, compound, segment());
    }

    public AddressMatcher.Segment segment() {
        return numberFrom == null ? null : new AddressMatcher.Segment(numberFrom, numberTo, parity);
    }
}
