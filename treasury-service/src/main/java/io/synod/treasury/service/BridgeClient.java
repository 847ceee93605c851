package io.synod.treasury.service;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** bridge-service's chain reads: what a vault holds, with the asset's decimals and symbol. */
@RegisterRestClient(configKey = "bridge")
@Path("/chains")
public interface BridgeClient {

    record Holding(long chainId, String asset, int decimals, String symbol, String holder, String balance, long blockNumber) {}

    @GET
    @Path("/{chainId}/assets/{asset}")
    Uni<Holding> asset(@PathParam("chainId") long chainId, @PathParam("asset") String asset, @QueryParam("holder") String holder);
}
