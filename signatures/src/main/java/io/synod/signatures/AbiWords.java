package io.synod.signatures;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import org.web3j.utils.Numeric;

/** Builds {@code abi.encode} of static values, 32 bytes a word: all EIP-712 struct hashing needs. */
public final class AbiWords {
    private static final BigInteger UINT256_LIMIT = BigInteger.ONE.shiftLeft(256);
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(192);

    public AbiWords uint(BigInteger value) {
        if (value.signum() < 0 || value.compareTo(UINT256_LIMIT) >= 0) {
            throw new IllegalArgumentException("not a uint256: " + value);
        }
        return word(Numeric.toBytesPadded(value, 32));
    }

    public AbiWords uint(long value) {
        return uint(BigInteger.valueOf(value));
    }

    public AbiWords address(String hex) {
        byte[] a = Numeric.hexStringToByteArray(hex);
        if (a.length != 20) {
            throw new IllegalArgumentException("not an address: " + hex);
        }
        byte[] w = new byte[32];
        System.arraycopy(a, 0, w, 12, 20);
        return word(w);
    }

    public AbiWords bytes32(byte[] value) {
        if (value.length != 32) {
            throw new IllegalArgumentException("not 32 bytes");
        }
        return word(value);
    }

    private AbiWords word(byte[] w) {
        out.write(w, 0, 32);
        return this;
    }

    public byte[] toBytes() {
        return out.toByteArray();
    }
}
