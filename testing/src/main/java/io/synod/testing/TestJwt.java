package io.synod.testing;

import io.smallrye.jwt.build.Jwt;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;

/**
 * Tests mint their own admin tokens: a key pair made at start-up, whose public half the services are
 * given to verify with. No key is stored anywhere.
 */
public final class TestJwt {
    public static final String ISSUER = "https://synod.test/issuer";
    private static final KeyPair KEYS = generate();

    private TestJwt() {}

    /** The verification key, as {@code mp.jwt.verify.publickey} takes it (base64 X.509, no PEM lines). */
    public static String publicKey() {
        return Base64.getEncoder().encodeToString(KEYS.getPublic().getEncoded());
    }

    public static String token(String subject, String... roles) {
        return Jwt.issuer(ISSUER).upn(subject).subject(subject).groups(Set.of(roles))
                .expiresIn(Duration.ofHours(1)).sign(KEYS.getPrivate());
    }

    /** Same claims, signed by a key the services do not trust. */
    public static String forgedToken(String subject, String... roles) {
        return Jwt.issuer(ISSUER).upn(subject).subject(subject).groups(Set.of(roles))
                .expiresIn(Duration.ofHours(1)).sign(generate().getPrivate());
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
