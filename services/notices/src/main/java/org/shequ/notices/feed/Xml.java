package org.shequ.notices.feed;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** The few lines every XML feed writes: an element holding text, escaped by the writer. */
final class Xml {

    private Xml() {
    }

    static void text(XMLStreamWriter xml, String element, String value) throws XMLStreamException {
        xml.writeStartElement(element);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }
}
