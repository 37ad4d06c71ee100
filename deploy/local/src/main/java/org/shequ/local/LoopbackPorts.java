package org.shequ.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free ports on 127.0.0.1, for servers that tests start beside the fixed ports of {@code shequ up}. A port is handed
 * out before its server binds it, so it is taken from below Linux's ephemeral range (32768–60999): there, the
 * outgoing connections of the other build running beside this one (two modules at a time) cannot take it in between,
 * as they could a port the kernel picked for {@code bind(0)}. Nor is one handed out twice in a JVM.
 */
public final class LoopbackPorts {

    private static final int LOWEST = 20_000;
    private static final int HIGHEST = 32_767;
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private LoopbackPorts() {
    }

    public static int free() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, HIGHEST + 1);
            if (!HANDED_OUT.contains(port) && bindable(port) && HANDED_OUT.add(port)) {
                return port;
            }
        }
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort(); // the range is crowded: the kernel's pick, as before
        } catch (IOException e) {
            throw new UncheckedIOException("No free loopback port", e);
        }
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return true;
        } catch (IOException taken) {
            return false;
        }
    }
}
