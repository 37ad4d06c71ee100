package org.shequ.gateway.edge;

/** A bearer token the gateway will not pass on; the message tells the client why, without echoing the token. */
public class InvalidTokenException extends RuntimeException {

    public InvalidTokenException(String message) {
        super(message, null, false, false);
    }
}
