package org.shequ.foodinspections.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The export's CSV files, written by Jackson's CSV codec (RFC 4180: quoted where a field needs it, CRLF): each starts
 * with a UTF-8 byte order mark, without which Excel on Chinese Windows reads the file as GBK and garbles it, and no
 * text cell is ever taken for a formula there (CSV injection, OWASP): one starting with = + - @, a tab or a CR gets a
 * leading apostrophe, which spreadsheets show as text.
 */
final class Csv {

    private static final CsvMapper CSV = new CsvMapper();
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final String FORMULA_START = "=+-@\t\r";

    private final StringBuilder rows = new StringBuilder();
    private final CsvSchema schema;

    Csv(List<String> header) {
        CsvSchema.Builder columns = CsvSchema.builder().setLineSeparator("\r\n");
        header.forEach(columns::addColumn);
        this.schema = columns.build();
        row(header);
    }

    Csv row(List<?> fields) {
        try {
            rows.append(CSV.writer(schema.withoutHeader()).writeValueAsString(fields.stream().map(Csv::cell).toList()));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Numbers as they are; text defused when a spreadsheet would run it. */
    static Object cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number) {
            return value;
        }
        String text = value.toString();
        return !text.isEmpty() && FORMULA_START.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    byte[] bytes() {
        byte[] text = rows.toString().getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[BOM.length + text.length];
        System.arraycopy(BOM, 0, all, 0, BOM.length);
        System.arraycopy(text, 0, all, BOM.length, text.length);
        return all;
    }
}
