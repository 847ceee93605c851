package io.synod.testing;

import java.io.IOException;
import java.util.Map;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Sign;
import org.web3j.crypto.StructuredDataEncoder;
import org.web3j.utils.Numeric;

/**
 * Signs EIP-712 typed data the way a wallet does (eth_signTypedData_v4), with web3j's own encoder:
 * an implementation independent of the services' hand-built digests, so tests check one against the other.
 */
public final class TypedSigner {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TypedSigner() {}

    /**
     * @param primaryType the struct being signed
     * @param types       its type definitions, e.g. {@code Map.of("Ballot", List.of(field("proposalId","uint256"), …))}
     * @param domain      name, version, chainId, verifyingContract
     * @param message     the struct's values
     * @return 0x r‖s‖v
     */
    public static String sign(Credentials who, String primaryType, Map<String, Object> types,
                              Map<String, Object> domain, Map<String, Object> message) {
        Map<String, Object> allTypes = new java.util.LinkedHashMap<>(types);
        allTypes.put("EIP712Domain", java.util.List.of(
                field("name", "string"), field("version", "string"),
                field("chainId", "uint256"), field("verifyingContract", "address")));
        Map<String, Object> typedData = Map.of(
                "types", allTypes, "primaryType", primaryType, "domain", domain, "message", message);
        try {
            return signDigest(who, new StructuredDataEncoder(JSON.writeValueAsString(typedData)).hashStructuredData());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signs a 32-byte digest as-is: @return 0x r‖s‖v (low s) */
    public static String signDigest(Credentials who, byte[] digest) {
        Sign.SignatureData sig = Sign.signMessage(digest, who.getEcKeyPair(), false);
        byte[] out = new byte[65];
        System.arraycopy(sig.getR(), 0, out, 0, 32);
        System.arraycopy(sig.getS(), 0, out, 32, 32);
        out[64] = sig.getV()[0];
        return Numeric.toHexString(out);
    }

    public static Map<String, String> field(String name, String type) {
        return Map.of("name", name, "type", type);
    }
}
