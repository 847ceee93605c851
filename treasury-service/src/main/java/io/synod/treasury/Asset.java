package io.synod.treasury;

import java.util.Locale;
import java.util.regex.Pattern;

/** What a treasury holds on a chain: the native coin or an ERC-20 token, by address. */
public final class Asset {
    public static final String NATIVE = "native";
    private static final Pattern ADDRESS = Pattern.compile("^0x[0-9a-f]{40}$");

    private Asset() {}

    /** {@code native} or a lower-case token address. */
    public static String normalize(String asset) {
        String a = asset == null ? "" : asset.trim().toLowerCase(Locale.ROOT);
        if (!a.equals(NATIVE) && !ADDRESS.matcher(a).matches()) {
            throw new IllegalArgumentException("an asset is native or a token address, not " + asset);
        }
        return a;
    }

    /** The vault's own name for the native coin is the zero address. */
    public static String onChain(String asset) {
        return NATIVE.equals(asset) ? "0x0000000000000000000000000000000000000000" : asset;
    }
}
