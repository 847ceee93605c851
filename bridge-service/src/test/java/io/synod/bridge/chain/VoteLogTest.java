package io.synod.bridge.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint8;
import org.web3j.protocol.core.methods.response.Log;

/** The hand decoder against web3j's own ABI encoder. */
class VoteLogTest {
    static final String VOTER = "0x00000000000000000000000000000000000a11ce";

    @Test
    void decodesAGovernorVoteCast() {
        String data = FunctionEncoder.encodeConstructor(List.of(new Uint256(42), new Uint8(1), new Uint256(4000),
                new Utf8String("for the commons")));
        VoteLog v = VoteLog.decode(log(VoteLog.VOTE_CAST, data));
        assertEquals(BigInteger.valueOf(42), v.proposalId());
        assertEquals(VOTER, v.voter());
        assertEquals(1, v.support());
        assertEquals(BigInteger.valueOf(4000), v.weight());
        assertEquals("for the commons", v.reason());
        assertEquals(List.of(), v.approved());
        assertEquals(7, v.blockNumber());
        assertEquals(3, v.logIndex());
    }

    @Test
    void decodesApprovalChoicesFromParams() {
        byte[] params = FunctionEncoder.encodeConstructor(List.of(new Uint256(0b1010))).transform(org.web3j.utils.Numeric::hexStringToByteArray);
        String data = FunctionEncoder.encodeConstructor(List.of(new Uint256(42), new Uint8(0), new Uint256(10),
                new Utf8String(""), new DynamicBytes(params)));
        VoteLog v = VoteLog.decode(log(VoteLog.VOTE_CAST_WITH_PARAMS, data));
        assertEquals(List.of(1, 3), v.approved());
    }

    @Test
    void refusesOtherLogsAndTruncatedData() {
        assertThrows(IllegalArgumentException.class, () -> VoteLog.decode(log("0x" + "00".repeat(32), "0x")));
        assertThrows(IllegalArgumentException.class, () -> VoteLog.decode(log(VoteLog.VOTE_CAST, "0x" + "00".repeat(40))));
    }

    private static Log log(String topic0, String data) {
        Log l = new Log();
        l.setTopics(List.of(topic0, "0x000000000000000000000000" + VOTER.substring(2)));
        l.setData(data.startsWith("0x") ? data : "0x" + data);
        l.setBlockNumber("0x7");
        l.setBlockHash("0x" + "ab".repeat(32));
        l.setTransactionHash("0x" + "cd".repeat(32));
        l.setLogIndex("0x3");
        return l;
    }
}
