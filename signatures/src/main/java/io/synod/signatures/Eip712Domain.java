package io.synod.signatures;

import java.math.BigInteger;

/**
 * An EIP-712 domain with all four fields Synod uses: a signature made for one chain, one contract
 * or one application never verifies for another.
 */
public record Eip712Domain(String name, String version, long chainId, String verifyingContract) {

    private static final byte[] TYPEHASH =
            Keccak.hash("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)");

    public byte[] separator() {
        return Keccak.hash(new AbiWords()
                .bytes32(TYPEHASH)
                .bytes32(Keccak.hash(name))
                .bytes32(Keccak.hash(version))
                .uint(BigInteger.valueOf(chainId))
                .address(verifyingContract)
                .toBytes());
    }

    /** The digest a wallet signs: {@code keccak256(0x1901 ‖ domainSeparator ‖ structHash)}. */
    public byte[] digest(byte[] structHash) {
        return digest(separator(), structHash);
    }

    public static byte[] digest(byte[] separator, byte[] structHash) {
        byte[] buf = new byte[66];
        buf[0] = 0x19;
        buf[1] = 0x01;
        System.arraycopy(separator, 0, buf, 2, 32);
        System.arraycopy(structHash, 0, buf, 34, 32);
        return Keccak.hash(buf);
    }
}
