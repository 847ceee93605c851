package io.synod.voting.service;

import io.smallrye.mutiny.Uni;
import io.synod.events.ChainRef;
import io.synod.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Weights as the token checkpointed them at voteStart, read from the chain through bridge-service. */
@ApplicationScoped
public class WeightSource {
    private final BridgeClient bridge;

    public WeightSource(@RestClient BridgeClient bridge) {
        this.bridge = bridge;
    }

    public Uni<BigInteger> votesAt(ChainRef chain, String voter, long timepoint) {
        return bridge.votingPower(chain.chainId(), voter, chain.token(), timepoint)
                .ifNoItem().after(Duration.ofSeconds(10)).fail()
                .map(p -> new BigInteger(p.votes()))
                .onFailure().transform(e -> translate(e, chain.chainId()));
    }

    /** The supply at voteStart summed over the chains; fails if any chain cannot tell yet. */
    public Uni<BigInteger> totalSupplyAt(List<ChainRef> chains, long timepoint) {
        List<Uni<BigInteger>> reads = chains.stream()
                .map(c -> bridge.totalSupply(c.chainId(), c.token(), timepoint)
                        .ifNoItem().after(Duration.ofSeconds(10)).fail()
                        .map(s -> new BigInteger(s.totalSupply())))
                .toList();
        return Uni.join().all(reads).andFailFast().map(l -> l.stream().reduce(BigInteger.ZERO, BigInteger::add));
    }

    private static Throwable translate(Throwable e, long chainId) {
        if (e instanceof WebApplicationException w && w.getResponse().getStatus() == 409) {
            return new ProblemException(409, "voting-power-not-final", "Voting power not final yet",
                    "chain " + chainId + " has not passed voteStart yet; retry shortly", Map.of("chainId", chainId));
        }
        return new ProblemException(503, "chain-unavailable", "Chain unavailable",
                "voting power on chain " + chainId + " cannot be read right now", Map.of("chainId", chainId));
    }
}
