package io.synod.treasury;

import io.synod.signatures.AbiWords;
import io.synod.signatures.Eip712Domain;
import io.synod.signatures.Keccak;
import org.web3j.utils.Numeric;

/**
 * What grantees sign (EIP-712). Domain: name {@code Synod Treasury}, version {@code 1}, the chain the grant
 * pays on and the DAO's vault there — so a grantee's signature is good for one DAO's treasury on one chain,
 * and never stands in for a ballot or a proposal (those use the {@code Synod} domain of a spoke).
 * <ul>
 *   <li>{@code GrantApplication(string committee,address applicant,bytes32 contentHash,uint256 nonce)}</li>
 *   <li>{@code MilestoneEvidence(string milestone,address grantee,bytes32 evidenceHash,uint256 nonce)}</li>
 * </ul>
 * Nonces are per grantee address, shared by both types.
 */
public final class TreasuryTypedData {
    public static final String NAME = "Synod Treasury";
    private static final byte[] APPLICATION =
            Keccak.hash("GrantApplication(string committee,address applicant,bytes32 contentHash,uint256 nonce)");
    private static final byte[] EVIDENCE =
            Keccak.hash("MilestoneEvidence(string milestone,address grantee,bytes32 evidenceHash,uint256 nonce)");

    private TreasuryTypedData() {}

    public static Eip712Domain domain(long chainId, String vault) {
        return new Eip712Domain(NAME, "1", chainId, vault);
    }

    public static byte[] application(Eip712Domain d, String committeeId, String applicant, String contentHash, long nonce) {
        return d.digest(Keccak.hash(new AbiWords().bytes32(APPLICATION).bytes32(Keccak.hash(committeeId)).address(applicant)
                .bytes32(Numeric.hexStringToByteArray(contentHash)).uint(nonce).toBytes()));
    }

    public static byte[] evidence(Eip712Domain d, String milestoneId, String grantee, String evidenceHash, long nonce) {
        return d.digest(Keccak.hash(new AbiWords().bytes32(EVIDENCE).bytes32(Keccak.hash(milestoneId)).address(grantee)
                .bytes32(Numeric.hexStringToByteArray(evidenceHash)).uint(nonce).toBytes()));
    }
}
