package org.shequ.notices.gazetteer;

import java.util.Optional;
import org.shequ.model.address.AddressMatcher;

/** A side of a road as notices and dispatchers write it (路东, 东侧, 东) read as its direction (东). */
final class Sides {

    private static final String DIRECTIONS = "东西南北";

    private Sides() {
    }

    static Optional<String> direction(String side) {
        String bare = AddressMatcher.normalise(side);
        if (bare.startsWith("路")) {
            bare = bare.substring(1);
        }
        if (bare.endsWith("侧")) {
            bare = bare.substring(0, bare.length() - 1);
        }
        return bare.length() == 1 && DIRECTIONS.contains(bare) ? Optional.of(bare) : Optional.empty();
    }

    /** 东 and 西 face each other, as do 南 and 北. */
    static boolean opposite(String one, String other) {
        return (one + other).matches("东西|西东|南北|北南");
    }

    static String shown(String direction) {
        return "路" + direction;
    }
}
