package io.synod.signatures;

import java.util.Locale;
import java.util.regex.Pattern;

/** The one spelling of an address Synod stores and compares: 0x + 40 lower-case hex digits. */
public final class Addresses {
    private static final Pattern ADDRESS = Pattern.compile("^0x[0-9a-fA-F]{40}$");

    private Addresses() {}

    public static boolean isAddress(String s) {
        return s != null && ADDRESS.matcher(s).matches();
    }

    public static String normalize(String s) {
        if (!isAddress(s)) {
            throw new IllegalArgumentException("not an address: " + s);
        }
        return s.toLowerCase(Locale.ROOT);
    }
}
