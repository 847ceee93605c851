package io.synod.proposal.service;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** bridge-service: a sponsor's voting power at the chain's clock − 1 (as Governor's proposal threshold). */
@RegisterRestClient(configKey = "bridge")
@Path("/chains")
public interface BridgeClient {

    record VotingPower(long chainId, String token, String account, long timepoint, String votes) {}

    @GET
    @Path("/{chainId}/voting-power/{account}")
    Uni<VotingPower> votingPower(@PathParam("chainId") long chainId, @PathParam("account") String account,
                                 @QueryParam("token") String token);
}
