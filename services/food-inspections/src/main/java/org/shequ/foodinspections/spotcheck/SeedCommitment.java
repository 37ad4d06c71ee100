package org.shequ.foodinspections.spotcheck;

import java.security.SecureRandom;
import java.util.HexFormat;
import org.shequ.platform.security.Sha256;

/**
 * The seed of a draw, chosen by the server and committed to before anyone sees the picks: the commitment is the
 * hex SHA-256 of the UTF-8 text {@code "<seed>:<salt>"}, published with the draw; seed and salt are revealed once
 * its checks are recorded, and anyone can recompute the hash. The 256-bit salt keeps the 64-bit seed from being
 * found by trying seeds against the hash.
 */
public record SeedCommitment(long seed, String salt, String commitment) {

    private static final SecureRandom RANDOM = new SecureRandom();

    public static SeedCommitment fresh() {
        byte[] salt = new byte[32];
        RANDOM.nextBytes(salt);
        long seed = RANDOM.nextLong();
        String saltText = HexFormat.of().formatHex(salt);
        return new SeedCommitment(seed, saltText, of(seed, saltText));
    }

    /** The commitment to a seed and salt, as published. */
    public static String of(long seed, String salt) {
        return Sha256.hex(seed + ":" + salt);
    }
}
