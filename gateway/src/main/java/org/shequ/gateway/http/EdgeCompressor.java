package org.shequ.gateway.http;

import io.netty.handler.codec.compression.Brotli;
import io.netty.handler.codec.compression.CompressionOptions;
import io.netty.handler.codec.compression.StandardCompressionOptions;
import io.netty.handler.codec.http.HttpContentCompressor;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import org.shequ.gateway.proxy.Compression;

/**
 * Netty's compressor (brotli when available and accepted, else gzip), for the answers {@link Compression} says are
 * worth it: text of 1 KiB or more, never an event stream, which must reach the client event by event.
 */
final class EdgeCompressor extends HttpContentCompressor {

    private static final CompressionOptions[] OPTIONS = Brotli.isAvailable()
            ? new CompressionOptions[] {StandardCompressionOptions.brotli(), StandardCompressionOptions.gzip()}
            : new CompressionOptions[] {StandardCompressionOptions.gzip()};

    EdgeCompressor() {
        super(0, OPTIONS);
    }

    @Override
    protected Result beginEncode(HttpResponse response, String acceptEncoding) throws Exception {
        if (!Compression.worthIt(response.headers().get(HttpHeaderNames.CONTENT_TYPE),
                response.headers().get(HttpHeaderNames.CONTENT_LENGTH))) {
            return null;
        }
        Result encoding = super.beginEncode(response, acceptEncoding);
        if (encoding != null) {
            response.headers().add("Vary", "Accept-Encoding");
        }
        return encoding;
    }
}
