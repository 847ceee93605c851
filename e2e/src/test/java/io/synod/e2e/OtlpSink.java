package io.synod.e2e;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where the services' OpenTelemetry exporters send their spans during the e2e run (OTLP over HTTP): it accepts
 * and counts the export requests. The traces themselves are checked where they travel, in Kafka's headers.
 */
final class OtlpSink implements AutoCloseable {
    private final HttpServer server;
    final AtomicLong exports = new AtomicLong();

    OtlpSink(int port) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 16);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", ex -> {
            ex.getRequestBody().readAllBytes();
            exports.incrementAndGet();
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
