package io.synod.bridge.service;

import io.synod.bridge.chain.ChainClient;
import io.synod.bridge.chain.ChainUnavailableException;
import io.synod.bridge.chain.ContractCallException;
import io.synod.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigInteger;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Voting power and supply as a governance token checkpointed them at a past timepoint. A timepoint
 * the chain's clock has not passed yet is refused: its checkpoint could still change.
 */
@ApplicationScoped
public class TokenReader {
    private final ChainRegistry registry;
    private final VotesBatcher batcher;

    public TokenReader(ChainRegistry registry, VotesBatcher batcher) {
        this.registry = registry;
        this.batcher = batcher;
    }

    public record Reading(long chainId, String token, long timepoint, BigInteger value, long headBlock, long headTimestamp) {}

    public Reading votes(long chainId, String token, String account, Long timepoint) {
        ChainClient client = registry.get(chainId).client();
        return read(client, token, timepoint, t -> () -> await(batcher.votes(client, token, account, t)));
    }

    private static BigInteger await(java.util.concurrent.CompletableFuture<BigInteger> f) {
        try {
            return f.get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new ChainUnavailableException(0, "voting-power read timed out");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Reading totalSupply(long chainId, String token, Long timepoint) {
        ChainClient client = registry.get(chainId).client();
        return read(client, token, timepoint, t -> () -> client.pastTotalSupply(token, t));
    }

    private Reading read(ChainClient client, String token, Long timepoint,
                         java.util.function.LongFunction<Supplier<BigInteger>> reader) {
        try {
            ChainClient.BlockHead head = timepoint == null ? client.head() : client.head(timepoint);
            long t = timepoint == null ? head.timestamp() - 1 : timepoint;
            if (t < 0) {
                throw ProblemException.badRequest("bad-timepoint", "timepoint must be a unix timestamp ≥ 0");
            }
            if (t >= head.timestamp()) {
                throw new ProblemException(409, "timepoint-not-reached", "Timepoint not reached",
                        "chain " + client.chainId() + " is at " + head.timestamp() + "; a checkpoint at " + t + " is not final yet",
                        Map.of("chainClock", head.timestamp()));
            }
            return new Reading(client.chainId(), token, t, reader.apply(t).get(), head.number(), head.timestamp());
        } catch (ChainUnavailableException e) {
            throw new ProblemException(503, "chain-unavailable", "Chain unavailable", e.getMessage(),
                    Map.of("chainId", e.chainId));
        } catch (ContractCallException e) {
            throw new ProblemException(422, "token-call-reverted", "Token call reverted",
                    "the token at " + token + " on chain " + e.chainId + " did not answer as an ERC20Votes token");
        }
    }
}
