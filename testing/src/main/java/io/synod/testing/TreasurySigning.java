package io.synod.testing;

import static io.synod.testing.TypedSigner.field;

import java.util.List;
import java.util.Map;
import org.web3j.crypto.Credentials;

/** What grantees sign for the treasury (see docs/signing.md), as a wallet would sign it. */
public final class TreasurySigning {
    private TreasurySigning() {}

    /** The DAO's vault on the chain the grant pays on is the verifying contract. */
    public static Map<String, Object> domain(long chainId, String vault) {
        return Map.of("name", "Synod Treasury", "version", "1", "chainId", chainId, "verifyingContract", vault);
    }

    public static String application(Credentials applicant, long chainId, String vault, String committee, String contentHash,
                                     long nonce) {
        return TypedSigner.sign(applicant, "GrantApplication", Map.of("GrantApplication", List.of(field("committee", "string"),
                        field("applicant", "address"), field("contentHash", "bytes32"), field("nonce", "uint256"))),
                domain(chainId, vault), Map.of("committee", committee, "applicant", applicant.getAddress(),
                        "contentHash", contentHash, "nonce", nonce));
    }

    public static String evidence(Credentials grantee, long chainId, String vault, String milestone, String evidenceHash,
                                  long nonce) {
        return TypedSigner.sign(grantee, "MilestoneEvidence", Map.of("MilestoneEvidence", List.of(field("milestone", "string"),
                        field("grantee", "address"), field("evidenceHash", "bytes32"), field("nonce", "uint256"))),
                domain(chainId, vault), Map.of("milestone", milestone, "grantee", grantee.getAddress(),
                        "evidenceHash", evidenceHash, "nonce", nonce));
    }
}
