package io.synod.treasury;

import java.math.BigDecimal;
import java.math.BigInteger;

/** Token amounts: base units (uint256) in the system, decimals only for people. */
public final class Amounts {
    private static final BigInteger UINT256_MAX = BigInteger.TWO.pow(256).subtract(BigInteger.ONE);

    private Amounts() {}

    /** A positive uint256 from its decimal text. */
    public static BigInteger positive(String decimal, String what) {
        BigInteger v;
        try {
            v = new BigInteger(decimal);
        } catch (NumberFormatException | NullPointerException e) {
            throw new IllegalArgumentException(what + " must be a whole number of base units, not " + decimal);
        }
        if (v.signum() <= 0 || v.compareTo(UINT256_MAX) > 0) {
            throw new IllegalArgumentException(what + " must be between 1 and 2^256-1 base units");
        }
        return v;
    }

    /** {@code 1500000000000000000} with 18 decimals → {@code 1.5}. */
    public static String display(BigInteger baseUnits, int decimals) {
        return new BigDecimal(baseUnits, decimals).stripTrailingZeros().toPlainString();
    }
}
