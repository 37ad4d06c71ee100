package org.shequ.platform.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;

/** A JSON string that is not acceptable text (see {@link StrictText}); its message is written for the client. */
public final class UnacceptableTextException extends JsonMappingException {

    UnacceptableTextException(JsonParser p, String message) {
        super(p, message);
    }
}
