package org.shequ.gateway.http;

import io.netty.handler.codec.http.HttpDecoderConfig;

/**
 * How the edge reads HTTP/1.1, both from clients and from services: Netty's decoder with every check on. Bare CR or
 * LF line ends, whitespace before a colon, an empty or invalid header name, a control character in a value,
 * {@code Content-Length} together with {@code Transfer-Encoding}, two different lengths and a chunk size that is not
 * hex are each a decoding failure: a 400 to a client, a 502 (and the connection dropped) from a service.
 */
final class StrictHttp {

    static final int MAX_INITIAL_LINE = 8192;
    static final int MAX_HEADERS = 16 * 1024;
    static final int MAX_CHUNK = 64 * 1024;

    private StrictHttp() {
    }

    static HttpDecoderConfig decoder() {
        return new HttpDecoderConfig()
                .setMaxInitialLineLength(MAX_INITIAL_LINE)
                .setMaxHeaderSize(MAX_HEADERS)
                .setMaxChunkSize(MAX_CHUNK)
                .setValidateHeaders(true)
                .setStrictLineParsing(true)
                .setUseRfc9112TransferEncoding(true)
                .setAllowDuplicateContentLengths(false)
                .setChunkedSupported(true)
                .setAllowPartialChunks(true);
    }
}
