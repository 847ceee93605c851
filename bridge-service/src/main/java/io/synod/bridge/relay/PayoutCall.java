package io.synod.bridge.relay;

import io.synod.events.PayoutRequest;
import io.synod.signatures.Addresses;
import java.math.BigInteger;
import java.util.List;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.utils.Numeric;

/** {@code TreasuryVault.payout(bytes32 payoutId, address asset, address to, uint256 amount)} for a request. */
final class PayoutCall {
    private static final String NATIVE = "0x0000000000000000000000000000000000000000";

    private static final String INSUFFICIENT = selector("InsufficientBalance(address,uint256,uint256)");
    private static final String ALREADY_PAID = selector("AlreadyPaid(bytes32)");
    private static final String PAUSED = selector("EnforcedPause()");
    private static final String NOT_RELAYER = selector("AccessControlUnauthorizedAccount(address,bytes32)");

    private PayoutCall() {}

    /** A vault revert in words a treasurer can act on; other errors as they came. */
    static String explain(String error) {
        if (error == null) {
            return null;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(0x[0-9a-f]{8})\\b:? ?([0-9a-f]*)").matcher(error);
        if (!m.find()) {
            return error;
        }
        String sel = m.group(1);
        String args = m.group(2);
        if (sel.equals(INSUFFICIENT) && args.length() >= 192) {
            return "the vault holds " + new BigInteger(args.substring(64, 128), 16) + " of the asset; the payout needs "
                    + new BigInteger(args.substring(128, 192), 16);
        }
        if (sel.equals(ALREADY_PAID)) {
            return "the vault has already paid this payout id";
        }
        if (sel.equals(PAUSED)) {
            return "the vault is paused";
        }
        if (sel.equals(NOT_RELAYER)) {
            return "the relayer is not allowed to pay out of this vault";
        }
        return error;
    }

    private static String selector(String signature) {
        return org.web3j.crypto.Hash.sha3String(signature).substring(0, 10);
    }

    /** @throws IllegalArgumentException when a field is not what the vault takes */
    static String encode(PayoutRequest p) {
        if (p.payoutId() == null || !p.payoutId().matches("^0x[0-9a-fA-F]{64}$")) {
            throw new IllegalArgumentException("payoutId must be 32 bytes of hex");
        }
        String asset = "native".equals(p.asset()) ? NATIVE : Addresses.normalize(p.asset());
        BigInteger amount = new BigInteger(p.amount());
        if (amount.signum() <= 0 || amount.bitLength() > 256) {
            throw new IllegalArgumentException("amount must be a positive uint256");
        }
        Addresses.normalize(p.vault());
        return FunctionEncoder.encode(new Function("payout", List.of(new Bytes32(Numeric.hexStringToByteArray(p.payoutId())),
                new Address(asset), new Address(Addresses.normalize(p.recipient())), new Uint256(amount)), List.of()));
    }
}
