package org.shequ.notices.notice;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

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
}
