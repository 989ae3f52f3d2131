package org.xray.kafka.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where an embedded broker listens and keeps its data.
 *
 * @param port           client (PLAINTEXT) port
 * @param controllerPort KRaft controller port
 * @param dataDirectory  log and metadata directory
 * @param deleteOnClose  delete the data directory when the broker closes
 */
public record BrokerSettings(int port, int controllerPort, Path dataDirectory, boolean deleteOnClose) {

    public BrokerSettings {
        if (port <= 0 || controllerPort <= 0 || port == controllerPort) {
            throw new IllegalArgumentException("broker and controller need two distinct positive ports, got "
                    + port + " and " + controllerPort);
        }
    }

    /** Random free ports and a temporary directory: for tests. */
    public static BrokerSettings ephemeral() {
        try {
            return new BrokerSettings(freePort(), freePort(), Files.createTempDirectory("xray-kafka-"), true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory for the embedded broker", e);
        }
    }

    /** Fixed ports and a directory that survives restarts: for the local stack. */
    public static BrokerSettings persistent(int port, int controllerPort, Path dataDirectory) {
        return new BrokerSettings(port, controllerPort, dataDirectory, false);
    }

    public String bootstrapServers() {
        // The listener binds 127.0.0.1: naming it avoids a first attempt on ::1 where localhost resolves there.
        return "127.0.0.1:" + port;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
