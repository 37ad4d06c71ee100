package org.shequ.gridtasks.open311;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * GeoReport v2 answers in either of its two formats, chosen by the path's extension. A document is built once
 * (records, maps and lists), then written as JSON or as the XML the spec shows: a list becomes an element per item,
 * named by the singular of its key ({@code attributes} → {@code attribute}); null becomes an empty element.
 */
enum Open311Format {
    JSON("application/json;charset=utf-8"),
    XML("text/xml;charset=utf-8");

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Map<String, String> ITEM = Map.of("services", "service", "service_requests", "request",
            "attributes", "attribute", "values", "value", "errors", "error");

    private final String mediaType;

    Open311Format(String mediaType) {
        this.mediaType = mediaType;
    }

    static Open311Format of(String extension) {
        return "xml".equals(extension) ? XML : JSON;
    }

    String mediaType() {
        return mediaType;
    }

    /** {@code root} names the XML document element; JSON has no root, only the value. */
    String write(String root, Object value) {
        return this == JSON ? json(value) : xml(root, value);
    }

    private static String json(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Open311 answer not writable as JSON", e);
        }
    }

    private static String xml(String root, Object value) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("utf-8", "1.0");
            // records become ordered maps and lists first: the XML follows the JSON's field names and order
            element(xml, root, MAPPER.convertValue(value, Object.class));
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Open311 answer not writable as XML", e);
        }
        return out.toString();
    }

    private static void element(XMLStreamWriter xml, String name, Object value) throws XMLStreamException {
        xml.writeStartElement(name);
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                element(xml, entry.getKey().toString(), entry.getValue());
            }
        } else if (value instanceof List<?> list) {
            String item = ITEM.getOrDefault(name, "item");
            for (Object each : list) {
                element(xml, item, each);
            }
        } else if (value != null) {
            xml.writeCharacters(value.toString());
        }
        xml.writeEndElement();
    }
}
