package org.shequ.renovations.project;

import jakarta.persistence.Embeddable;
import java.math.BigDecimal;

/** One piece of work and its size: plaza resurfacing, 500, m2. */
@Embeddable
public class ScopeItem {

    public String item;
    public BigDecimal quantity;
    public String unit;
}
