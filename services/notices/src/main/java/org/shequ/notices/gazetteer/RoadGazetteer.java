package org.shequ.notices.gazetteer;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What the district knows of one road: which side carries odd house numbers, and where its landmarks stand. */
@Entity
@Table(name = "road_gazetteer")
public class RoadGazetteer {

    @Id
    public String id;

    /** The road's name normalised as addresses are (AddressMatcher.normalise): what notices' areas are looked up by. */
    @Column(name = "road_key")
    public String roadKey;

    public String road;

    /** 东, 西, 南 or 北: the side (路东 …) with the odd numbers (单号); the other side carries the even ones. */
    @Column(name = "odd_side")
    public String oddSide;

    @Column(name = "even_side")
    public String evenSide;

    /** Where the numbers come from (a survey, the address register, or "made up" for sample data). */
    public String source;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "road_landmark", joinColumns = @JoinColumn(name = "road_id"))
    @OrderColumn(name = "position")
    public List<RoadLandmark> landmarks = new ArrayList<>();

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "updated_by")
    public String updatedBy;

    @Version
    public long version;
}
