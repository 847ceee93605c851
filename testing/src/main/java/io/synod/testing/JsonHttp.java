package io.synod.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A client's JSON calls against the hub, for tools that drive it (the demo, the benchmark's set-up). */
public final class JsonHttp {
    public static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private JsonHttp() {}

    public static JsonNode get(String url) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).GET().build());
    }

    /** @param bearer an access token, or null */
    public static JsonNode post(String url, String bearer, Object body) throws IOException, InterruptedException {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(url)).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (bearer != null) {
            r.header("authorization", "Bearer " + bearer);
        }
        return send(r.build());
    }

    private static JsonNode send(HttpRequest r) throws IOException, InterruptedException {
        HttpResponse<String> res = HTTP.send(r, HttpResponse.BodyHandlers.ofString());
        if (res.statusCode() >= 300) {
            throw new IllegalStateException(r.method() + " " + r.uri() + " → " + res.statusCode() + " " + res.body());
        }
        return JSON.readTree(res.body());
    }
}
