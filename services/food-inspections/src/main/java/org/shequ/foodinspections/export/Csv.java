package org.shequ.foodinspections.export;

import java.util.List;
import java.util.stream.Collectors;

/** RFC 4180 lines: every field quoted when it holds a comma, quote or line break; CRLF line ends. */
final class Csv {

    private Csv() {
    }

    static String line(List<?> fields) {
        return fields.stream().map(Csv::field).collect(Collectors.joining(",")) + "\r\n";
    }

    private static String field(Object value) {
        String text = value == null ? "" : value.toString();
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
