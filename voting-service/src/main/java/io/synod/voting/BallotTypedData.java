package io.synod.voting;

import io.synod.signatures.AbiWords;
import io.synod.signatures.Eip712Domain;
import io.synod.signatures.Keccak;
import java.math.BigInteger;
import java.util.List;

/**
 * The EIP-712 messages a voter signs; the same types as OpenZeppelin Governor's {@code castVoteBySig}
 * and {@code castVoteWithReasonAndParamsBySig}, so one signature means the same on the hub and on a spoke.
 * <ul>
 *   <li>{@code Ballot(uint256 proposalId,uint8 support,address voter,uint256 nonce)}: a plain ballot;</li>
 *   <li>{@code ExtendedBallot(uint256 proposalId,uint8 support,address voter,uint256 nonce,string reason,bytes params)}:
 *       with a reason, or for approval voting, where {@code params = abi.encode(uint256 bitmask)} of the
 *       approved choice indexes (bit i = choice i) and {@code support} is 0.</li>
 * </ul>
 * Domain: name {@code Synod}, version {@code 1}, the chain's id and the DAO's spoke on that chain.
 */
public final class BallotTypedData {
    public static final String DOMAIN_NAME = "Synod";
    public static final String DOMAIN_VERSION = "1";
    private static final byte[] BALLOT =
            Keccak.hash("Ballot(uint256 proposalId,uint8 support,address voter,uint256 nonce)");
    private static final byte[] EXTENDED = Keccak.hash(
            "ExtendedBallot(uint256 proposalId,uint8 support,address voter,uint256 nonce,string reason,bytes params)");

    private BallotTypedData() {}

    public static Eip712Domain domain(long chainId, String spoke) {
        return new Eip712Domain(DOMAIN_NAME, DOMAIN_VERSION, chainId, spoke);
    }

    /** The digest the voter signed, for the message the ballot claims. */
    public static byte[] digest(Eip712Domain domain, BigInteger proposalId, int support, String voter, long nonce,
                                String reason, List<Integer> approved) {
        byte[] structHash;
        if ((reason == null || reason.isEmpty()) && (approved == null || approved.isEmpty())) {
            structHash = Keccak.hash(new AbiWords().bytes32(BALLOT).uint(proposalId).uint(support).address(voter)
                    .uint(nonce).toBytes());
        } else {
            byte[] params = approved == null || approved.isEmpty() ? new byte[0]
                    : new AbiWords().uint(bitmask(approved)).toBytes();
            structHash = Keccak.hash(new AbiWords().bytes32(EXTENDED).uint(proposalId).uint(support).address(voter)
                    .uint(nonce).bytes32(Keccak.hash(reason == null ? "" : reason)).bytes32(Keccak.hash(params))
                    .toBytes());
        }
        return domain.digest(structHash);
    }

    public static BigInteger bitmask(List<Integer> approved) {
        BigInteger m = BigInteger.ZERO;
        for (int c : approved) {
            m = m.setBit(c);
        }
        return m;
    }
}
