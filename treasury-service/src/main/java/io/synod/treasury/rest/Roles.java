package io.synod.treasury.rest;

import io.synod.treasury.service.Actor;
import jakarta.ws.rs.core.SecurityContext;

/** The roles a bearer token may carry (groups claim), and the actor it stands for. */
final class Roles {
    /** Registers treasuries, creates committees, reconciles, reads the audit log. */
    static final String ADMIN = "synod-admin";
    /** Reviews, votes and moves motions — on committees whose member list names the token's subject. */
    static final String COMMITTEE = "grants-committee";

    private Roles() {}

    static Actor actor(SecurityContext security) {
        return new Actor(security.getUserPrincipal().getName(), security.isUserInRole(ADMIN));
    }
}
