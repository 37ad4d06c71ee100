package org.shequ.foodinspections.inspection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The outcome rule, case by case: which failures fail an inspection and which only need putting right. */
class OutcomeRuleTest {

    private record Case(String name, List<ChecklistItem> failed, List<ChecklistItem> notApplicable, Outcome outcome) {
    }

    @TestFactory
    Stream<DynamicTest> outcomes() {
        List<Case> cases = List.of(
                new Case("everything passes", List.of(), List.of(), Outcome.PASS),
                new Case("not applicable never counts", List.of(), List.of(ChecklistItem.TABLEWARE_DISINFECTION),
                        Outcome.PASS),
                new Case("one minor failure", List.of(ChecklistItem.KITCHEN_HYGIENE), List.of(), Outcome.PASS_WITH_ISSUES),
                new Case("two minor failures", List.of(ChecklistItem.KITCHEN_HYGIENE, ChecklistItem.LICENSES), List.of(),
                        Outcome.PASS_WITH_ISSUES),
                new Case("three minor failures", List.of(ChecklistItem.KITCHEN_HYGIENE, ChecklistItem.LICENSES,
                        ChecklistItem.TABLEWARE_DISINFECTION), List.of(), Outcome.FAIL),
                new Case("four minor failures", List.of(ChecklistItem.KITCHEN_HYGIENE, ChecklistItem.LICENSES,
                        ChecklistItem.TABLEWARE_DISINFECTION, ChecklistItem.FOOD_SOURCE), List.of(), Outcome.FAIL),
                new Case("sample retention alone", List.of(ChecklistItem.SAMPLE_RETENTION), List.of(), Outcome.FAIL),
                new Case("health certificates alone", List.of(ChecklistItem.HEALTH_CERTIFICATES), List.of(), Outcome.FAIL),
                new Case("fire equipment alone", List.of(ChecklistItem.FIRE_EQUIPMENT), List.of(), Outcome.FAIL),
                new Case("evacuation route alone", List.of(ChecklistItem.EVACUATION_ROUTE), List.of(), Outcome.FAIL),
                new Case("a critical and a minor failure", List.of(ChecklistItem.EVACUATION_ROUTE,
                        ChecklistItem.LICENSES), List.of(), Outcome.FAIL),
                new Case("two minor failures, tableware not applicable", List.of(ChecklistItem.FOOD_SOURCE,
                        ChecklistItem.LICENSES), List.of(ChecklistItem.TABLEWARE_DISINFECTION),
                        Outcome.PASS_WITH_ISSUES),
                new Case("everything fails", List.of(ChecklistItem.values()), List.of(), Outcome.FAIL));
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            Map<ChecklistItem, ItemResult> checklist = new EnumMap<>(ChecklistItem.class);
            for (ChecklistItem item : ChecklistItem.values()) {
                checklist.put(item, c.failed().contains(item) ? ItemResult.FAIL
                        : c.notApplicable().contains(item) ? ItemResult.NOT_APPLICABLE : ItemResult.PASS);
            }
            assertEquals(c.outcome(), OutcomeRule.score(checklist));
        }));
    }
}
