package io.synod.bridge.chain;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.web3j.crypto.Hash;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.utils.Numeric;

/**
 * A SpokeVoting {@code VoteCast} / {@code VoteCastWithParams} log, decoded by hand (fixed layout, and the
 * reflective ABI codec is slow at backfill rates). Approval votes carry {@code params = abi.encode(uint256 bitmask)}.
 */
public record VoteLog(BigInteger proposalId, String voter, int support, List<Integer> approved, BigInteger weight,
                      String reason, long blockNumber, String blockHash, String txHash, long logIndex) {

    public static final String VOTE_CAST = Hash.sha3String("VoteCast(address,uint256,uint8,uint256,string)");
    public static final String VOTE_CAST_WITH_PARAMS =
            Hash.sha3String("VoteCastWithParams(address,uint256,uint8,uint256,string,bytes)");
    public static final List<String> TOPICS = List.of(VOTE_CAST, VOTE_CAST_WITH_PARAMS);
    private static final int MAX_REASON_BYTES = 1024;

    /** @throws IllegalArgumentException for a log that is not a well-formed vote */
    public static VoteLog decode(Log log) {
        List<String> topics = log.getTopics();
        if (topics.size() != 2 || !TOPICS.contains(topics.get(0))) {
            throw new IllegalArgumentException("not a vote log: " + log.getTransactionHash() + "#" + log.getLogIndex());
        }
        boolean withParams = topics.get(0).equals(VOTE_CAST_WITH_PARAMS);
        byte[] data = Numeric.hexStringToByteArray(log.getData());
        BigInteger proposalId = word(data, 0);
        int support = word(data, 1).intValueExact();
        BigInteger weight = word(data, 2);
        String reason = new String(dynamic(data, word(data, 3).intValueExact()), StandardCharsets.UTF_8);
        List<Integer> approved = List.of();
        if (withParams) {
            byte[] params = dynamic(data, word(data, 4).intValueExact());
            if (params.length == 32) {
                BigInteger mask = new BigInteger(1, params);
                approved = new ArrayList<>();
                for (int i = 0; i < mask.bitLength(); i++) {
                    if (mask.testBit(i)) {
                        approved.add(i);
                    }
                }
            }
        }
        if (reason.length() > MAX_REASON_BYTES) {
            reason = reason.substring(0, MAX_REASON_BYTES);
        }
        String voter = "0x" + topics.get(1).substring(26).toLowerCase(java.util.Locale.ROOT);
        return new VoteLog(proposalId, voter, support, approved, weight, reason, log.getBlockNumber().longValueExact(),
                log.getBlockHash(), log.getTransactionHash(), log.getLogIndex().longValueExact());
    }

    private static BigInteger word(byte[] data, int index) {
        int from = index * 32;
        if (data.length < from + 32) {
            throw new IllegalArgumentException("vote log data too short");
        }
        return new BigInteger(1, java.util.Arrays.copyOfRange(data, from, from + 32));
    }

    private static byte[] dynamic(byte[] data, int offset) {
        if (offset < 0 || data.length < offset + 32) {
            throw new IllegalArgumentException("vote log offset out of range");
        }
        int len = new BigInteger(1, java.util.Arrays.copyOfRange(data, offset, offset + 32)).intValueExact();
        if (data.length < offset + 32 + len) {
            throw new IllegalArgumentException("vote log length out of range");
        }
        return java.util.Arrays.copyOfRange(data, offset + 32, offset + 32 + len);
    }
}
