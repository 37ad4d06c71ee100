package org.shequ.gridtasks.open311;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.shequ.gridtasks.grid.Grid;
import org.shequ.gridtasks.open311.api.Open311Service;
import org.shequ.gridtasks.open311.api.Open311ServiceDefinition.Attribute;
import org.shequ.gridtasks.open311.api.Open311ServiceDefinition.Value;
import org.shequ.gridtasks.open311.api.Open311ServiceDefinition;
import org.shequ.gridtasks.task.TaskCategory;

/**
 * Task categories as Open311 services. FOOD_SAFETY_FOLLOW_UP is raised by the system from failed inspections, not
 * reported by the public, so it is not offered. Every service asks for the grid (which community and grid cell the
 * request goes to) and, optionally, where in it.
 */
final class Open311Catalog {

    /** service_code → service_name, description, keywords. */
    private static final Map<TaskCategory, String[]> SERVICES = new LinkedHashMap<>();

    static {
        SERVICES.put(TaskCategory.CLUTTER_CLEARANCE, new String[] {"楼道杂物清理",
            "Clutter in stairwells, corridors or fire lanes (楼道堆物)", "楼道, 杂物, 消防通道"});
        SERVICES.put(TaskCategory.SAFETY_HAZARD, new String[] {"安全隐患",
            "Safety hazards: blocked fire exits, loose railings, exposed wiring", "消防, 隐患, 电线"});
        SERVICES.put(TaskCategory.SANITATION, new String[] {"环境卫生",
            "Garbage spots, litter and sanitation of shared spaces (卫生死角)", "垃圾, 卫生"});
        SERVICES.put(TaskCategory.FACILITY_REPAIR, new String[] {"设施报修",
            "Broken shared facilities: lights, doors, pipes, fitness equipment", "路灯, 单元门, 管道"});
        SERVICES.put(TaskCategory.RESIDENT_REQUEST, new String[] {"居民诉求",
            "A request of residents to their grid worker", "诉求, 建议"});
        SERVICES.put(TaskCategory.OTHER, new String[] {"其他", "Anything else for the grid worker", "其他"});
    }

    private static final String GROUP = "网格事务";

    private Open311Catalog() {
    }

    static Optional<TaskCategory> category(String code) {
        return Arrays.stream(TaskCategory.values()).filter(c -> c.name().equals(code) && SERVICES.containsKey(c))
                .findFirst();
    }

    static String name(TaskCategory category) {
        String[] service = SERVICES.get(category);
        return service == null ? category.name() : service[0];
    }

    static List<Open311Service> services() {
        return SERVICES.entrySet().stream().map(e -> new Open311Service(e.getKey().name(), e.getValue()[0],
                e.getValue()[1], true, "realtime", e.getValue()[2], GROUP)).toList();
    }

    static Open311ServiceDefinition definition(TaskCategory category, List<Grid> grids) {
        return new Open311ServiceDefinition(category.name(), List.of(
                attribute("grid", "singlevaluelist", false, 1, "哪个社区的哪个网格 (the community and grid cell); "
                                + "may be left out when the compound or address names a compound a grid covers",
                        grids.stream().map(g -> new Value(g.id, g.community + " " + g.name)).toList()),
                attribute("compound", "string", false, 2, "小区或院落, e.g. 胜利东街7号院", null),
                attribute("building", "string", false, 3, "楼栋号, e.g. 6", null),
                attribute("floor", "string", false, 4, "楼层, e.g. 3", null)));
    }

    private static Attribute attribute(String code, String datatype, boolean required, int order, String description,
                                       List<Value> values) {
        return new Attribute(true, code, datatype, required, required ? "required" : "optional", order, description,
                values);
    }

}
