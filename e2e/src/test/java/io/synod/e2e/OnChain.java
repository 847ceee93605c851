package io.synod.e2e;

import io.restassured.path.json.JsonPath;
import io.synod.contracts.SpokeVoting;
import io.synod.testing.TestChain;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint8;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.utils.Numeric;

/** Voting on the spokes themselves, as members do with a wallet or cast, and reading them back. */
final class OnChain {
    private OnChain() {}

    /** Waits until the relayer has opened the proposal on the chain's spoke. */
    static void awaitOpen(TestChain chain, String spoke, JsonPath proposal) {
        BigInteger id = new BigInteger(proposal.getString("onchainId"));
        SpokeVoting s = chain.spoke(spoke, TestChain.DEPLOYER);
        Hub.await("proposal opened on chain " + chain.chainId, Duration.ofSeconds(30), () -> {
            try {
                return s.proposalDeadline(id).send().signum() > 0;
            } catch (Exception e) {
                return false;
            }
        });
    }

    /** The spoke's Governor-style (against, for, abstain). */
    static List<BigInteger> proposalVotes(TestChain chain, String spoke, JsonPath proposal) {
        try {
            var t = chain.spoke(spoke, TestChain.DEPLOYER).proposalVotes(new BigInteger(proposal.getString("onchainId"))).send();
            return List.of(t.component1(), t.component2(), t.component3());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void castVote(TestChain chain, String spoke, Credentials voter, JsonPath proposal, int support) {
        try {
            chain.spoke(spoke, voter).castVote(new BigInteger(proposal.getString("onchainId")), BigInteger.valueOf(support)).send();
        } catch (Exception e) {
            throw new IllegalStateException("castVote failed on chain " + chain.chainId, e);
        }
    }

    /** A signed castVote transaction, not sent: a test can broadcast it, lose it in a reorg and broadcast it again. */
    static String signedCastVote(TestChain chain, String spoke, Credentials voter, JsonPath proposal, int support) {
        try {
            chain.fund(voter.getAddress());
            BigInteger nonce = chain.web3j.ethGetTransactionCount(voter.getAddress(), DefaultBlockParameterName.PENDING)
                    .send().getTransactionCount();
            String data = FunctionEncoder.encode(new Function("castVote", List.of(
                    new Uint256(new BigInteger(proposal.getString("onchainId"))), new Uint8(support)), List.of()));
            RawTransaction tx = RawTransaction.createTransaction(chain.chainId, nonce, BigInteger.valueOf(300_000), spoke,
                    BigInteger.ZERO, data, BigInteger.valueOf(1_000_000_000L), BigInteger.valueOf(50_000_000_000L));
            return Numeric.toHexString(TransactionEncoder.signMessage(tx, chain.chainId, voter));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Broadcasts and waits for the receipt, mining a block if automine left the transaction pending. */
    static void broadcast(TestChain chain, String signedTx) {
        try {
            var r = chain.web3j.ethSendRawTransaction(signedTx).send();
            if (r.hasError()) {
                throw new IllegalStateException(r.getError().getMessage());
            }
            String hash = org.web3j.crypto.Hash.sha3(signedTx);
            Hub.await("receipt of " + hash, Duration.ofSeconds(15), () -> {
                try {
                    if (chain.web3j.ethGetTransactionReceipt(hash).send().getTransactionReceipt().isPresent()) {
                        return true;
                    }
                    chain.rpc("evm_mine", List.of());
                    return false;
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
            });
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The hub tally's per-chain row: votes per choice and participation, or null if the chain has none yet. */
    static Map<?, ?> chainRow(JsonPath tally, long chainId) {
        return tally.getList("chains", Map.class).stream()
                .filter(m -> m.get("chainId").toString().equals(String.valueOf(chainId))).findFirst().orElse(null);
    }

    static String participation(JsonPath tally, long chainId) {
        Map<?, ?> row = chainRow(tally, chainId);
        return row == null ? "0" : row.get("participation").toString();
    }
}
