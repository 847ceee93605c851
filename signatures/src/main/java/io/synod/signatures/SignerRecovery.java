package io.synod.signatures;

import java.math.BigInteger;
import java.security.SignatureException;
import java.util.Locale;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;
import org.web3j.utils.Numeric;

/**
 * Recovers the address that signed a 32-byte digest from a 65-byte {@code r ‖ s ‖ v} signature.
 * High-s signatures are refused (EIP-2), so a signature has exactly one valid encoding and cannot be
 * replayed in a malleated form.
 */
public final class SignerRecovery {
    private static final BigInteger HALF_N = Sign.CURVE_PARAMS.getN().shiftRight(1);

    private SignerRecovery() {}

    /** @return the signer as a lower-case 0x address */
    public static String recover(byte[] digest, String signatureHex) throws InvalidSignatureException {
        byte[] sig;
        try {
            sig = Numeric.hexStringToByteArray(signatureHex);
        } catch (RuntimeException e) {
            throw new InvalidSignatureException("signature is not hex");
        }
        if (sig.length != 65) {
            throw new InvalidSignatureException("signature must be 65 bytes (r, s, v)");
        }
        byte v = sig[64];
        if (v < 27) {
            v += 27;
        }
        if (v != 27 && v != 28) {
            throw new InvalidSignatureException("signature v must be 27 or 28");
        }
        byte[] r = java.util.Arrays.copyOfRange(sig, 0, 32);
        byte[] s = java.util.Arrays.copyOfRange(sig, 32, 64);
        if (new BigInteger(1, s).compareTo(HALF_N) > 0) {
            throw new InvalidSignatureException("signature s is not in the lower half order (EIP-2)");
        }
        try {
            BigInteger key = Sign.signedMessageHashToKey(digest, new Sign.SignatureData(v, r, s));
            return "0x" + Keys.getAddress(key).toLowerCase(Locale.ROOT);
        } catch (SignatureException | RuntimeException e) {
            throw new InvalidSignatureException("signature does not recover to a key");
        }
    }

    /** The signature is malformed or recovers no key. */
    public static final class InvalidSignatureException extends Exception {
        public InvalidSignatureException(String message) {
            super(message);
        }
    }
}
