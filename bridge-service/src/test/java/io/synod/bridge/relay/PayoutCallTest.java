package io.synod.bridge.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synod.events.PayoutRequest;
import org.junit.jupiter.api.Test;

/** The vault call a payout request becomes, and its reverts in words. */
class PayoutCallTest {
    static final String ID = "0x" + "ab".repeat(32);
    static final String VAULT = "0x" + "11".repeat(20);
    static final String TO = "0x" + "22".repeat(20);

    @Test
    void encodesTheVaultsPayoutCall() {
        String data = PayoutCall.encode(new PayoutRequest(ID, 1, "dao", 1, VAULT, "native", TO, "1000", "g", "m"));
        // payout(bytes32,address,address,uint256), the zero address for the native coin
        assertTrue(data.startsWith(org.web3j.crypto.Hash.sha3String("payout(bytes32,address,address,uint256)").substring(0, 10)));
        assertTrue(data.contains("ab".repeat(32)));
        assertTrue(data.endsWith("00000000000000000000000000000000000000000000000000000000000003e8"));
    }

    @Test
    void refusesWhatTheVaultCannotTake() {
        assertThrows(IllegalArgumentException.class, () -> PayoutCall.encode(
                new PayoutRequest("0x12", 1, "dao", 1, VAULT, "native", TO, "1", "g", "m")));
        assertThrows(IllegalArgumentException.class, () -> PayoutCall.encode(
                new PayoutRequest(ID, 1, "dao", 1, VAULT, "native", TO, "0", "g", "m")));
        assertThrows(IllegalArgumentException.class, () -> PayoutCall.encode(
                new PayoutRequest(ID, 1, "dao", 1, VAULT, "not-an-asset", TO, "1", "g", "m")));
    }

    @Test
    void explainsAnUnderfundedVault() {
        String revert = "execution reverted: custom error 0xdb42144d: " + "0".repeat(24) + "4c5859f0f772848b2d91f1d83e2fe57935348029"
                + "0".repeat(64) + "0".repeat(48) + "02b5e3af16b18800".substring(0, 16);
        assertEquals("the vault holds 0 of the asset; the payout needs " + new java.math.BigInteger("02b5e3af16b18800", 16),
                PayoutCall.explain(revert));
        assertEquals("something else", PayoutCall.explain("something else"));
    }
}
