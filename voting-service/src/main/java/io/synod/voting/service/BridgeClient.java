package io.synod.voting.service;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** bridge-service's chain reads: checkpointed votes and supply at a timepoint. */
@RegisterRestClient(configKey = "bridge")
@Path("/chains")
public interface BridgeClient {

    record VotingPower(long chainId, String token, String account, long timepoint, String votes) {}

    record TotalSupply(long chainId, String token, long timepoint, String totalSupply) {}

    @GET
    @Path("/{chainId}/voting-power/{account}")
    Uni<VotingPower> votingPower(@PathParam("chainId") long chainId, @PathParam("account") String account,
                                 @QueryParam("token") String token, @QueryParam("timepoint") long timepoint);

    @GET
    @Path("/{chainId}/total-supply")
    Uni<TotalSupply> totalSupply(@PathParam("chainId") long chainId, @QueryParam("token") String token,
                                 @QueryParam("timepoint") long timepoint);
}
