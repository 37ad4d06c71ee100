package org.shequ.model.events;

/** Topic names: one per publishing service, {@code shequ.<service>.v1}. */
public final class Topics {
    public static final String NOTICES = of("notices");
    public static final String GRID_TASKS = of("grid-tasks");
    public static final String FOOD_INSPECTIONS = of("food-inspections");
    public static final String RENOVATIONS = of("renovations");
    public static final String WEBHOOKS = of("webhooks");

    private Topics() {
    }

    public static String of(String service) {
        return "shequ." + service + ".v1";
    }

    public static java.util.List<String> all() {
        return java.util.List.of(NOTICES, GRID_TASKS, FOOD_INSPECTIONS, RENOVATIONS, WEBHOOKS);
    }
}
