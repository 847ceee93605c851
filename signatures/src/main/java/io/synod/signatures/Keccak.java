package io.synod.signatures;

import java.nio.charset.StandardCharsets;
import org.web3j.crypto.Hash;

/** keccak256, as Solidity means it. */
public final class Keccak {
    private Keccak() {}

    public static byte[] hash(byte[] input) {
        return Hash.sha3(input);
    }

    public static byte[] hash(String utf8) {
        return Hash.sha3(utf8.getBytes(StandardCharsets.UTF_8));
    }
}
