package io.synod.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/** RFC 9457 problem details. {@code type} is stable per error kind: clients switch on it. */
public final class Problem {
    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://synod.dev/problems/";

    private Problem() {}

    /** @param kind a short slug, e.g. {@code stale-nonce}; becomes {@code https://synod.dev/problems/stale-nonce} */
    public static Response response(int status, String kind, String title, String detail, Map<String, ?> extensions) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_BASE + kind);
        body.put("title", title);
        body.put("status", status);
        if (detail != null) {
            body.put("detail", detail);
        }
        if (extensions != null) {
            extensions.forEach(body::putIfAbsent);
        }
        return Response.status(status).type(MediaType.valueOf(MEDIA_TYPE)).entity(body).build();
    }
}
