package io.synod.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.Executors;

/**
 * A JSON-RPC endpoint in front of a chain that a test can break: take it down (connections refused, as
 * a dead node), or freeze its {@code safe}/{@code finalized} answers (a chain whose finality stalls).
 */
public final class RpcProxy implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String target;
    private final int port;
    private final HttpClient http = HttpClient.newHttpClient();
    private volatile HttpServer server;
    private volatile JsonNode frozenSafe;
    private volatile JsonNode frozenFinalized;

    public RpcProxy(String target, int port) {
        this.target = target;
        this.port = port;
        up();
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Accepts connections again. */
    public synchronized RpcProxy up() {
        if (server == null) {
            try {
                HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
                s.createContext("/", this::handle);
                s.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
                s.start();
                server = s;
            } catch (IOException e) {
                throw new IllegalStateException("cannot listen on " + port, e);
            }
        }
        return this;
    }

    /** Stops listening: every call to it fails like a dead node's. */
    public synchronized RpcProxy down() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
        return this;
    }

    /** From now on the safe and finalized blocks stay where they are. */
    public RpcProxy freezeFinality() {
        frozenSafe = forward(request("safe"));
        frozenFinalized = forward(request("finalized"));
        return this;
    }

    public RpcProxy thawFinality() {
        frozenSafe = null;
        frozenFinalized = null;
        return this;
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            JsonNode req = JSON.readTree(ex.getRequestBody());
            JsonNode answer = frozen(req);
            byte[] out;
            if (answer != null) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) answer).set("id", req.get("id"));
                out = JSON.writeValueAsBytes(answer);
            } else {
                out = JSON.writeValueAsBytes(forward(req));
            }
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, out.length);
            ex.getResponseBody().write(out);
        } catch (RuntimeException e) {
            ex.sendResponseHeaders(502, -1);
        }
    }

    private JsonNode frozen(JsonNode req) {
        if (!req.isObject() || !"eth_getBlockByNumber".equals(req.path("method").asText())) {
            return null;
        }
        String tag = req.path("params").path(0).asText();
        JsonNode f = "safe".equals(tag) ? frozenSafe : "finalized".equals(tag) ? frozenFinalized : null;
        return f == null ? null : f.deepCopy();
    }

    private static JsonNode request(String tag) {
        return JSON.createObjectNode().put("jsonrpc", "2.0").put("id", 1).put("method", "eth_getBlockByNumber")
                .set("params", JSON.createArrayNode().add(tag).add(false));
    }

    private JsonNode forward(JsonNode req) {
        try {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(target))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(req))).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        down();
    }
}
