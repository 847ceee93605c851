package io.synod.bridge.rest;

import io.synod.bridge.chain.ChainClient;
import io.synod.bridge.service.AssetReader;
import io.synod.bridge.service.ChainRegistry;
import io.synod.bridge.service.TokenReader;
import io.synod.bridge.watch.ChainWatchers;
import io.synod.events.WatermarkEvent;
import io.synod.rest.ProblemException;
import io.synod.signatures.Addresses;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

@Path("/chains")
@Produces(MediaType.APPLICATION_JSON)
public class ChainsResource {
    private final ChainRegistry registry;
    private final TokenReader reader;
    private final ChainWatchers watchers;
    private final AssetReader assets;

    public ChainsResource(ChainRegistry registry, TokenReader reader, ChainWatchers watchers, AssetReader assets) {
        this.registry = registry;
        this.reader = reader;
        this.watchers = watchers;
        this.assets = assets;
    }

    /** What {@code holder} has of {@code asset} ({@code native} or a token address) now, with decimals and symbol. */
    @GET
    @Path("/{chainId}/assets/{asset}")
    public AssetReader.Holding asset(@PathParam("chainId") long chainId, @PathParam("asset") String asset,
                                     @QueryParam("holder") String holder) {
        String a = AssetReader.NATIVE.equalsIgnoreCase(asset) ? AssetReader.NATIVE : address("asset", asset);
        return assets.read(chainId, a, address("holder", holder));
    }

    /**
     * How far the bridge has followed the chain: head, safe and final (by the chain's rule) blocks. Every
     * vote up to {@code finalized} is relayed as final. Any replica answers: the one following the chain from
     * memory, the others from its stored cursor.
     */
    @GET
    @Path("/{chainId}/watermark")
    public io.smallrye.mutiny.Uni<WatermarkEvent> watermark(@PathParam("chainId") long chainId) {
        registry.get(chainId);
        watchers.get(chainId).orElseThrow(() -> ProblemException.notFound("watched chain", String.valueOf(chainId)));
        return watchers.watermark(chainId).onItem().ifNull().failWith(() -> new ProblemException(503, "watermark-not-ready",
                "Watermark not ready", "chain " + chainId + " has not completed its first pass yet"));
    }

    public record ChainView(long chainId, String name, String finality, boolean available,
                            List<ChainClient.EndpointView> endpoints) {}

    public record VotingPower(long chainId, String token, String account, long timepoint, String votes,
                              long headBlock, long headTimestamp) {}

    public record TotalSupply(long chainId, String token, long timepoint, String totalSupply,
                              long headBlock, long headTimestamp) {}

    @GET
    public List<ChainView> chains() {
        return registry.all().stream().map(ChainsResource::view).toList();
    }

    @GET
    @Path("/{chainId}")
    public ChainView chain(@PathParam("chainId") long chainId) {
        return view(registry.get(chainId));
    }

    /** The account's checkpointed votes at {@code timepoint} (unix seconds; default: the chain's clock − 1). */
    @GET
    @Path("/{chainId}/voting-power/{account}")
    public VotingPower votingPower(@PathParam("chainId") long chainId, @PathParam("account") String account,
                                   @QueryParam("token") String token, @QueryParam("timepoint") String timepoint) {
        String acct = address("account", account);
        TokenReader.Reading r = reader.votes(chainId, address("token", token), acct, timepoint(timepoint));
        return new VotingPower(r.chainId(), r.token(), acct, r.timepoint(), r.value().toString(), r.headBlock(), r.headTimestamp());
    }

    /** The token's checkpointed total supply at {@code timepoint}: the quorum's denominator. */
    @GET
    @Path("/{chainId}/total-supply")
    public TotalSupply totalSupply(@PathParam("chainId") long chainId, @QueryParam("token") String token,
                                   @QueryParam("timepoint") String timepoint) {
        TokenReader.Reading r = reader.totalSupply(chainId, address("token", token), timepoint(timepoint));
        return new TotalSupply(r.chainId(), r.token(), r.timepoint(), r.value().toString(), r.headBlock(), r.headTimestamp());
    }

    private static ChainView view(ChainRegistry.Entry e) {
        List<ChainClient.EndpointView> endpoints = e.client().endpoints();
        boolean available = endpoints.stream().anyMatch(p -> p.status() != ChainClient.EndpointStatus.WRONG_CHAIN);
        return new ChainView(e.chainId(), e.name(), e.finality().toString(), available, endpoints);
    }

    private static Long timepoint(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("bad-timepoint", "timepoint must be a unix timestamp in seconds");
        }
    }

    private static String address(String name, String value) {
        if (!Addresses.isAddress(value)) {
            throw ProblemException.badRequest("bad-address", name + " must be a 0x-prefixed 20-byte hex address");
        }
        return Addresses.normalize(value);
    }
}
