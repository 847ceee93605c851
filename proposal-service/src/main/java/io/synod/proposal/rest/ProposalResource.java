package io.synod.proposal.rest;

import io.smallrye.mutiny.Uni;
import io.synod.proposal.service.ProposalService;
import io.synod.proposal.service.ProposalView;
import io.synod.proposal.service.Requests;
import io.synod.rest.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/proposals/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProposalResource {
    private final ProposalService proposals;

    public ProposalResource(ProposalService proposals) {
        this.proposals = proposals;
    }

    @GET
    public Uni<ProposalView> get(@PathParam("id") String id) {
        return proposals.get(uuid(id));
    }

    @POST
    @Path("/sponsorships")
    @Operation(summary = "Sponsor with an EIP-712 Sponsor signature; power is read from the chain at its clock − 1")
    public Uni<ProposalView> sponsor(@PathParam("id") String id, @Valid @NotNull Requests.Sponsor req) {
        return proposals.sponsor(uuid(id), req);
    }

    @POST
    @Path("/submit")
    @Operation(summary = "The author submits a draft for sponsorship (GovernanceAction 'submit')")
    public Uni<ProposalView> submit(@PathParam("id") String id, @Valid @NotNull Requests.SignedAction req) {
        return proposals.submit(uuid(id), req);
    }

    @POST
    @Path("/cancel")
    @Operation(summary = "The author cancels before voting starts (GovernanceAction 'cancel')")
    public Uni<ProposalView> cancel(@PathParam("id") String id, @Valid @NotNull Requests.SignedAction req) {
        return proposals.cancel(uuid(id), req);
    }

    @POST
    @Path("/veto")
    @Operation(summary = "The DAO's guardian vetoes a queued proposal (GovernanceAction 'veto')")
    public Uni<ProposalView> veto(@PathParam("id") String id, @Valid @NotNull Requests.SignedAction req) {
        return proposals.veto(uuid(id), req);
    }

    @POST
    @Path("/execute")
    @Consumes(MediaType.WILDCARD) // no body: a bare POST must not be refused for its missing content type
    @Operation(summary = "Execute a queued proposal after its timelock (anyone)")
    public Uni<ProposalView> execute(@PathParam("id") String id) {
        return proposals.execute(uuid(id));
    }

    private static String uuid(String id) {
        try {
            return UUID.fromString(id).toString();
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("proposal", id);
        }
    }
}
