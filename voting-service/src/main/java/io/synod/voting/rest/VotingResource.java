package io.synod.voting.rest;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.synod.rest.ProblemException;
import io.synod.signatures.Addresses;
import io.synod.voting.service.BallotQueries;
import io.synod.voting.service.BallotReceipt;
import io.synod.voting.service.BallotRequest;
import io.synod.voting.service.BallotService;
import io.synod.voting.service.TallyService;
import io.synod.voting.service.TallyView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestStreamElementType;

@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class VotingResource {
    private final BallotService ballots;
    private final BallotQueries queries;
    private final TallyService tallies;

    public VotingResource(BallotService ballots, BallotQueries queries, TallyService tallies) {
        this.ballots = ballots;
        this.queries = queries;
        this.tallies = tallies;
    }

    @POST
    @Path("proposals/{id}/ballots")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Cast a gasless EIP-712 signed ballot",
            description = "One voter counts once per proposal per chain, whichever path (signed ballot or on-chain vote) "
                    + "arrives first; the first counted vote stands and later ones are refused with 409 already-voted. "
                    + "Weight is the voter's checkpointed votes at voteStart on that chain.")
    public Uni<Response> cast(@PathParam("id") String id, @Valid @NotNull BallotRequest ballot) {
        return ballots.submit(proposalId(id), ballot)
                .map(r -> Response.status(201).entity(r).build());
    }

    @GET
    @Path("proposals/{id}/ballots")
    @Operation(summary = "Counted and uncounted vote receipts, oldest first")
    public Uni<BallotQueries.Page<BallotReceipt>> receipts(@PathParam("id") String id,
                                                           @QueryParam("page") @DefaultValue("0") int page,
                                                           @QueryParam("size") @DefaultValue("50") int size) {
        if (page < 0 || size < 1 || size > 500) {
            throw ProblemException.badRequest("bad-page", "page ≥ 0 and 1 ≤ size ≤ 500");
        }
        return queries.receipts(proposalId(id), page, size);
    }

    @GET
    @Path("proposals/{id}")
    @Operation(summary = "Voting window, choices and the EIP-712 domain per chain")
    public Uni<BallotQueries.VotingInfo> info(@PathParam("id") String id) {
        return queries.info(proposalId(id));
    }

    @GET
    @Path("proposals/{id}/tally")
    @Operation(summary = "Per choice and per chain, quorum, approval; status provisional or final")
    public Uni<TallyView> tally(@PathParam("id") String id) {
        return tallies.current(proposalId(id));
    }

    @GET
    @Path("proposals/{id}/tally/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "Server-sent events: the tally now and on every change")
    public Multi<TallyView> stream(@PathParam("id") String id) {
        return tallies.stream(proposalId(id));
    }

    @GET
    @Path("voters/{address}/nonce")
    @Operation(summary = "The nonce the voter's next signed ballot on that chain must carry")
    public Uni<Map<String, Object>> nonce(@PathParam("address") String address, @QueryParam("chainId") Long chainId) {
        if (!Addresses.isAddress(address) || chainId == null || chainId <= 0) {
            throw ProblemException.badRequest("bad-request", "address must be 0x-hex and chainId a positive number");
        }
        return queries.nextNonce(chainId, address).map(n -> Map.of("chainId", chainId, "voter",
                Addresses.normalize(address), "nonce", n));
    }

    private static String proposalId(String id) {
        try {
            return UUID.fromString(id).toString();
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("proposal", id);
        }
    }
}
