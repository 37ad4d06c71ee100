package org.shequ.renovations.compound;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;

/** An old compound (老旧小区) in the district's registry, e.g. 西铭路47号院, built in 1998. */
@Entity
@Table(name = "compound")
public class Compound {

    @Id
    public String id;

    public String name;
    public String address;
    public String district;

    @Column(name = "sub_district")
    public String subDistrict;

    public String community;

    @Column(name = "built_year")
    public Integer builtYear;

    public Integer households;

    @Column(name = "floor_area_m2")
    public BigDecimal floorAreaM2;

    public Integer buildings;

    @Column(name = "created_at")
    public Instant createdAt;

    @Version
    public long version;
}
