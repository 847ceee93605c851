package io.synod.voting;

import static io.synod.testing.TypedSigner.field;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.synod.signatures.SignerRecovery;
import io.synod.testing.TestChain;
import io.synod.testing.TypedSigner;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;

/** Our hand-built digests against web3j's independent EIP-712 encoder, as a wallet would sign. */
class BallotTypedDataTest {
    static final String SPOKE = "0x1111111111111111111111111111111111111111";
    static final Credentials VOTER = TestChain.newAccount();
    static final BigInteger PROPOSAL = new BigInteger("123456789012345678901234567890");

    static Map<String, Object> domain(long chainId) {
        return Map.of("name", "Synod", "version", "1", "chainId", chainId, "verifyingContract", SPOKE);
    }

    @Test
    void plainBallotRecoversTheWalletSigner() throws Exception {
        String sig = TypedSigner.sign(VOTER, "Ballot", Map.of("Ballot", List.of(field("proposalId", "uint256"),
                        field("support", "uint8"), field("voter", "address"), field("nonce", "uint256"))),
                domain(10), Map.of("proposalId", PROPOSAL, "support", 1, "voter", VOTER.getAddress(), "nonce", 3));
        byte[] digest = BallotTypedData.digest(BallotTypedData.domain(10, SPOKE), PROPOSAL, 1, VOTER.getAddress(), 3, null, null);
        assertEquals(VOTER.getAddress(), SignerRecovery.recover(digest, sig));
        byte[] otherChain = BallotTypedData.digest(BallotTypedData.domain(11, SPOKE), PROPOSAL, 1, VOTER.getAddress(), 3, null, null);
        assertNotEquals(VOTER.getAddress(), SignerRecovery.recover(otherChain, sig));
    }

    @Test
    void extendedBallotCarriesReasonAndApprovedChoices() throws Exception {
        String params = "0x" + String.format("%064x", 0b101);
        String sig = TypedSigner.sign(VOTER, "ExtendedBallot", Map.of("ExtendedBallot", List.of(
                        field("proposalId", "uint256"), field("support", "uint8"), field("voter", "address"),
                        field("nonce", "uint256"), field("reason", "string"), field("params", "bytes"))),
                domain(10), Map.of("proposalId", PROPOSAL, "support", 0, "voter", VOTER.getAddress(), "nonce", 0,
                        "reason", "grants matter", "params", params));
        byte[] digest = BallotTypedData.digest(BallotTypedData.domain(10, SPOKE), PROPOSAL, 0, VOTER.getAddress(), 0,
                "grants matter", List.of(0, 2));
        assertEquals(VOTER.getAddress(), SignerRecovery.recover(digest, sig));
    }
}
