package io.synod.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a declared body larger than {@code synod.http.max-body-bytes} before it is read, with problem
 * details (the HTTP layer's own limit, set higher, is the backstop for undeclared chunked bodies).
 */
public class BodySizeLimit {
    @ConfigProperty(name = "synod.http.max-body-bytes", defaultValue = "65536")
    long maxBytes;

    @ServerRequestFilter(preMatching = true)
    public Response check(ContainerRequestContext ctx) {
        String length = ctx.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            try {
                if (Long.parseLong(length.trim()) > maxBytes) {
                    return Problem.response(413, "body-too-large", "Request body too large",
                            "bodies are limited to " + maxBytes + " bytes", null);
                }
            } catch (NumberFormatException e) {
                return Problem.response(400, "malformed-body", "Malformed request", "bad Content-Length", null);
            }
        }
        return null;
    }
}
