package io.synod.rest;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Some refusals leave the framework with a status and no body (a body that is not JSON, an unknown
 * path, a wrong method or media type): they too get problem details, so clients parse one shape.
 */
public class EmptyErrorBodies {

    @ServerResponseFilter
    public void fill(ContainerResponseContext response) {
        int status = response.getStatus();
        if (status < 400 || response.hasEntity()) {
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        String kind = switch (status) {
            case 400 -> "malformed-body";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 415 -> "unsupported-media-type";
            default -> status >= 500 ? "internal" : "http-" + status;
        };
        body.put("type", Problem.TYPE_BASE + kind);
        Response.Status known = Response.Status.fromStatusCode(status);
        body.put("title", known == null ? "Request refused" : known.getReasonPhrase());
        body.put("status", status);
        if (status == 400) {
            body.put("detail", "the body is not valid JSON, or a field has the wrong type");
        }
        response.setEntity(body, null, MediaType.valueOf(Problem.MEDIA_TYPE));
    }
}
