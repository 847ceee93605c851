package io.synod.proposal;

import io.synod.signatures.AbiWords;
import io.synod.signatures.Eip712Domain;
import io.synod.signatures.Keccak;
import java.math.BigInteger;
import org.web3j.utils.Numeric;

/**
 * What proposers, sponsors and guardians sign (EIP-712). Domain: name {@code Synod}, version {@code 1},
 * the chain the signer's voting power is on, and the DAO's spoke there, as for ballots; the primary
 * types below keep each kind of signature from standing in for another.
 * <ul>
 *   <li>{@code Propose(string dao,bytes32 contentHash,address author,uint256 nonce)}</li>
 *   <li>{@code Sponsor(uint256 proposalId,bytes32 contentHash,address sponsor,uint256 nonce)}</li>
 *   <li>{@code GovernanceAction(uint256 proposalId,string action,address actor,uint256 nonce)} with action
 *       {@code submit}, {@code cancel} (the author) or {@code veto} (the guardian)</li>
 * </ul>
 */
public final class GovernanceTypedData {
    private static final byte[] PROPOSE = Keccak.hash("Propose(string dao,bytes32 contentHash,address author,uint256 nonce)");
    private static final byte[] SPONSOR = Keccak.hash("Sponsor(uint256 proposalId,bytes32 contentHash,address sponsor,uint256 nonce)");
    private static final byte[] ACTION = Keccak.hash("GovernanceAction(uint256 proposalId,string action,address actor,uint256 nonce)");

    private GovernanceTypedData() {}

    public static Eip712Domain domain(long chainId, String spoke) {
        return new Eip712Domain("Synod", "1", chainId, spoke);
    }

    public static byte[] propose(Eip712Domain d, String dao, String contentHash, String author, long nonce) {
        return d.digest(Keccak.hash(new AbiWords().bytes32(PROPOSE).bytes32(Keccak.hash(dao))
                .bytes32(Numeric.hexStringToByteArray(contentHash)).address(author).uint(nonce).toBytes()));
    }

    public static byte[] sponsor(Eip712Domain d, BigInteger proposalId, String contentHash, String sponsor, long nonce) {
        return d.digest(Keccak.hash(new AbiWords().bytes32(SPONSOR).uint(proposalId)
                .bytes32(Numeric.hexStringToByteArray(contentHash)).address(sponsor).uint(nonce).toBytes()));
    }

    public static byte[] action(Eip712Domain d, BigInteger proposalId, String action, String actor, long nonce) {
        return d.digest(Keccak.hash(new AbiWords().bytes32(ACTION).uint(proposalId).bytes32(Keccak.hash(action))
                .address(actor).uint(nonce).toBytes()));
    }
}
