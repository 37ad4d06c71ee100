package org.shequ.foodinspections.inspection;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

@Embeddable
public class ChecklistEntry {

    @Enumerated(EnumType.STRING)
    public ChecklistItem item;

    @Enumerated(EnumType.STRING)
    public ItemResult result;

    public String note;

    public ChecklistEntry() {
    }

    public ChecklistEntry(ChecklistItem item, ItemResult result, String note) {
        this.item = item;
        this.result = result;
        this.note = note;
    }
}
