package org.shequ.renovations.project;

/** The national scheme's three kinds of work: 基础类, 完善类, 提升类. */
public enum ProjectCategory {
    BASIC, IMPROVEMENT, ENHANCEMENT
}
