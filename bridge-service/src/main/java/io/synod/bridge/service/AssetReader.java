package io.synod.bridge.service;

import io.synod.bridge.chain.ChainClient;
import io.synod.bridge.chain.ChainUnavailableException;
import io.synod.bridge.chain.ContractCallException;
import io.synod.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/**
 * What a holder (a DAO's vault) has of an asset now: the native coin, or an ERC-20 with its decimals and
 * symbol read from the token itself. The treasury reconciles its ledger against this.
 */
@ApplicationScoped
public class AssetReader {
    public static final String NATIVE = "native";
    private static final String BALANCE_OF = Hash.sha3String("balanceOf(address)").substring(0, 10);
    private static final String DECIMALS = Hash.sha3String("decimals()").substring(0, 10);
    private static final String SYMBOL = Hash.sha3String("symbol()").substring(0, 10);

    private final ChainRegistry registry;

    public AssetReader(ChainRegistry registry) {
        this.registry = registry;
    }

    /** @param symbol the token's symbol; for the native coin, the chain's configured one */
    public record Holding(long chainId, String asset, int decimals, String symbol, String holder, BigInteger balance,
                          long blockNumber) {}

    public Holding read(long chainId, String asset, String holder) {
        ChainRegistry.Entry chain = registry.get(chainId);
        ChainClient c = chain.client();
        try {
            long block = c.head().number();
            if (NATIVE.equals(asset)) {
                return new Holding(chainId, asset, 18, chain.nativeSymbol(), holder, c.nativeBalance(holder), block);
            }
            BigInteger balance = word(c.callHex(asset, BALANCE_OF + pad(holder)), asset);
            int decimals = word(c.callHex(asset, DECIMALS), asset).intValueExact();
            return new Holding(chainId, asset, decimals, symbol(c.callHex(asset, SYMBOL)), holder, balance, block);
        } catch (ChainUnavailableException e) {
            throw new ProblemException(503, "chain-unavailable", "Chain unavailable", e.getMessage(), Map.of("chainId", chainId));
        } catch (ContractCallException | ArithmeticException e) {
            throw new ProblemException(422, "not-a-token", "Not a token",
                    asset + " on chain " + chainId + " did not answer as an ERC-20 token");
        }
    }

    private static BigInteger word(String hex, String asset) {
        String h = Numeric.cleanHexPrefix(hex);
        if (h.length() < 64) {
            throw new ContractCallException(0, asset + " gave no uint256 answer");
        }
        return new BigInteger(h.substring(0, 64), 16);
    }

    /** An ABI-encoded string (offset, length, bytes); tokens that return bytes32 get the text up to a NUL. */
    private static String symbol(String hex) {
        byte[] b = Numeric.hexStringToByteArray(hex);
        if (b.length >= 96) {
            int len = new BigInteger(1, java.util.Arrays.copyOfRange(b, 32, 64)).intValue();
            if (len >= 0 && len <= 32 && 64 + len <= b.length) {
                return clean(new String(b, 64, len, StandardCharsets.UTF_8));
            }
        }
        if (b.length == 32) {
            return clean(new String(b, StandardCharsets.UTF_8).replace("\0", ""));
        }
        return "";
    }

    private static String clean(String s) {
        return s.replaceAll("[^\\p{Alnum}._-]", "");
    }

    private static String pad(String address) {
        String h = Numeric.cleanHexPrefix(address);
        return "0".repeat(64 - h.length()) + h;
    }
}
