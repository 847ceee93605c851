package io.synod.testing;

import static io.synod.testing.TypedSigner.field;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.web3j.crypto.Credentials;

/** The EIP-712 messages Synod's clients sign, as a wallet would sign them (see docs/signing.md). */
public final class GovernanceSigning {
    private GovernanceSigning() {}

    public static Map<String, Object> domain(long chainId, String spoke) {
        return Map.of("name", "Synod", "version", "1", "chainId", chainId, "verifyingContract", spoke);
    }

    public static String propose(Credentials author, long chainId, String spoke, String dao, String contentHash, long nonce) {
        return TypedSigner.sign(author, "Propose", Map.of("Propose", List.of(field("dao", "string"),
                        field("contentHash", "bytes32"), field("author", "address"), field("nonce", "uint256"))),
                domain(chainId, spoke), Map.of("dao", dao, "contentHash", contentHash, "author", author.getAddress(), "nonce", nonce));
    }

    public static String sponsor(Credentials sponsor, long chainId, String spoke, BigInteger proposalId, String contentHash,
                                 long nonce) {
        return TypedSigner.sign(sponsor, "Sponsor", Map.of("Sponsor", List.of(field("proposalId", "uint256"),
                        field("contentHash", "bytes32"), field("sponsor", "address"), field("nonce", "uint256"))),
                domain(chainId, spoke), Map.of("proposalId", proposalId, "contentHash", contentHash,
                        "sponsor", sponsor.getAddress(), "nonce", nonce));
    }

    public static String action(Credentials actor, long chainId, String spoke, BigInteger proposalId, String action, long nonce) {
        return TypedSigner.sign(actor, "GovernanceAction", Map.of("GovernanceAction", List.of(field("proposalId", "uint256"),
                        field("action", "string"), field("actor", "address"), field("nonce", "uint256"))),
                domain(chainId, spoke), Map.of("proposalId", proposalId, "action", action, "actor", actor.getAddress(), "nonce", nonce));
    }

    public static String ballot(Credentials voter, long chainId, String spoke, BigInteger proposalId, int support, long nonce) {
        return TypedSigner.sign(voter, "Ballot", Map.of("Ballot", List.of(field("proposalId", "uint256"),
                        field("support", "uint8"), field("voter", "address"), field("nonce", "uint256"))),
                domain(chainId, spoke), Map.of("proposalId", proposalId, "support", support, "voter", voter.getAddress(), "nonce", nonce));
    }
}
