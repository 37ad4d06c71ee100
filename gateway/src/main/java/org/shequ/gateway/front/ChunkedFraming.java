package org.shequ.gateway.front;

import io.netty.buffer.ByteBuf;

/**
 * Finds where a chunked body ends (RFC 9112 §7.1) as its bytes stream past, without changing them, and optionally
 * hands the data bytes to a sink (to compress the decoded body). Chunk extensions and trailers are skipped.
 */
final class ChunkedFraming {

    private enum State { SIZE, EXTENSION, SIZE_LF, DATA, DATA_CR, DATA_LF, TRAILER_START, TRAILER, TRAILER_LF,
        FINAL_LF, DONE }

    private State state = State.SIZE;
    private long size;
    private long left;

    /**
     * Scans {@code in} from {@code from} to {@code to}. Returns the index just after the body's last byte when it ends
     * within the range, else -1. Throws {@link IllegalStateException} on bytes that are not chunked framing.
     */
    int scan(ByteBuf in, int from, int to, ByteBuf data) {
        int i = from;
        while (i < to) {
            switch (state) {
                case DATA -> {
                    int take = (int) Math.min(left, to - i);
                    if (data != null) {
                        data.writeBytes(in, i, take);
                    }
                    i += take;
                    left -= take;
                    if (left == 0) {
                        state = State.DATA_CR;
                    }
                    continue;
                }
                case DONE -> {
                    return i;
                }
                default -> {
                }
            }
            byte b = in.getByte(i++);
            switch (state) {
                case SIZE -> {
                    int digit = Character.digit(b, 16);
                    if (digit >= 0) {
                        size = size * 16 + digit;
                        if (size > Integer.MAX_VALUE) {
                            throw new IllegalStateException("chunk too large");
                        }
                    } else if (b == ';' || b == ' ' || b == '\t') {
                        state = State.EXTENSION;
                    } else if (b == '\r') {
                        state = State.SIZE_LF;
                    } else {
                        throw new IllegalStateException("bad chunk size");
                    }
                }
                case EXTENSION -> {
                    if (b == '\r') {
                        state = State.SIZE_LF;
                    }
                }
                case SIZE_LF -> {
                    expect(b, '\n');
                    if (size == 0) {
                        state = State.TRAILER_START;
                    } else {
                        left = size;
                        size = 0;
                        state = State.DATA;
                    }
                }
                case DATA_CR -> {
                    expect(b, '\r');
                    state = State.DATA_LF;
                }
                case DATA_LF -> {
                    expect(b, '\n');
                    state = State.SIZE;
                }
                case TRAILER_START -> state = b == '\r' ? State.FINAL_LF : State.TRAILER;
                case TRAILER -> {
                    if (b == '\r') {
                        state = State.TRAILER_LF;
                    }
                }
                case TRAILER_LF -> {
                    expect(b, '\n');
                    state = State.TRAILER_START;
                }
                case FINAL_LF -> {
                    expect(b, '\n');
                    state = State.DONE;
                    return i;
                }
                default -> throw new IllegalStateException("unreachable");
            }
        }
        return state == State.DONE ? i : -1;
    }

    private static void expect(byte b, char wanted) {
        if (b != wanted) {
            throw new IllegalStateException("bad chunk framing");
        }
    }
}
