package io.synod.treasury.rest;

import io.smallrye.mutiny.Uni;
import io.synod.treasury.service.GrantService;
import io.synod.treasury.service.Motions;
import io.synod.treasury.service.PayoutService;
import io.synod.treasury.service.Requests;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Grants, their milestones and motions, and payouts. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class GrantResource {
    private final GrantService grants;
    private final PayoutService payouts;
    private final Motions motions;

    public GrantResource(GrantService grants, PayoutService payouts, Motions motions) {
        this.grants = grants;
        this.payouts = payouts;
        this.motions = motions;
    }

    @GET
    @Path("grants/{id}")
    public Uni<GrantService.GrantView> grant(@PathParam("id") String id) {
        return grants.get(id);
    }

    @POST
    @Path("milestones/{id}/evidence")
    @Operation(summary = "Submit a milestone's evidence (the grantee's EIP-712 MilestoneEvidence signature)")
    public Uni<GrantService.GrantView> evidence(@PathParam("id") String id, @Valid @NotNull Requests.Evidence req) {
        return grants.evidence(id, req);
    }

    @POST
    @Path("milestones/{id}/votes")
    @RolesAllowed(Roles.COMMITTEE)
    @Operation(summary = "Approve or reject a milestone's evidence; the carrying approval requests the payout")
    public Uni<GrantService.GrantView> milestoneVote(@PathParam("id") String id, @Valid @NotNull Requests.Vote req,
                                                     SecurityContext security) {
        return grants.milestoneVote(id, Roles.actor(security), req);
    }

    @POST
    @Path("grants/{id}/motions")
    @RolesAllowed(Roles.COMMITTEE)
    @Operation(summary = "Move to amend, claw back unpaid milestones of, or cancel a grant (member; the mover approves)")
    public Uni<Motions.MotionView> move(@PathParam("id") String id, @Valid @NotNull Requests.Motion req, SecurityContext security) {
        return grants.move(id, Roles.actor(security), req);
    }

    @GET
    @Path("motions/{id}")
    public Uni<Motions.MotionView> motion(@PathParam("id") String id) {
        return motions.get(id);
    }

    @POST
    @Path("motions/{id}/votes")
    @RolesAllowed(Roles.COMMITTEE)
    @Operation(summary = "Approve or reject an amendment, clawback or cancellation; the carrying approval applies it")
    public Uni<Motions.MotionView> motionVote(@PathParam("id") String id, @Valid @NotNull Requests.Vote req,
                                              SecurityContext security) {
        return grants.motionVote(id, Roles.actor(security), req);
    }

    @GET
    @Path("payouts/{id}")
    @Operation(summary = "A payout with its trace: funding proposals, approvals, ledger postings, transaction")
    public Uni<PayoutService.PayoutView> payout(@PathParam("id") String id) {
        return payouts.get(id);
    }

    @POST
    @Path("payouts/{id}/retry")
    @Consumes(MediaType.WILDCARD) // no body
    @RolesAllowed({Roles.COMMITTEE, Roles.ADMIN})
    @Operation(summary = "Ask again for a failed payout (the grant's committee or an admin); the vault pays once")
    public Uni<PayoutService.PayoutView> retry(@PathParam("id") String id, SecurityContext security) {
        return payouts.retry(id, Roles.actor(security));
    }
}
