package io.synod.rest;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Authentication is lazy (quarkus.http.auth.proactive=false) so these failures reach us as problem details. */
public class SecurityProblems {

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized() {
        return Response.fromResponse(Problem.response(401, "unauthorized", "Unauthorized",
                        "a valid bearer token is required", null))
                .header("WWW-Authenticate", "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problem.response(403, "forbidden", "Forbidden", "the token lacks the role this needs", null);
    }
}
