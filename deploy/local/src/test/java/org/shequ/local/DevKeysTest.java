package org.shequ.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevKeysTest {

    @TempDir
    Path dir;

    @Test
    void tokenIsSignedByTheLocalKeyAndCarriesTheRoleInGroups() throws Exception {
        DevKeys keys = new DevKeys(dir.resolve("keys"));
        String[] parts = keys.token("inspector", "王检查员", Duration.ofMinutes(5)).split("\\.");

        String pem = Files.readString(keys.publicKey());
        var publicKey = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(
                Base64.getDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""))));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(publicKey);
        rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertTrue(rsa.verify(Base64.getUrlDecoder().decode(parts[2])));

        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertTrue(claims.contains("\"groups\":[\"inspector\"]"), claims);
        assertTrue(claims.contains("\"sub\":\"王检查员\""), claims);
    }

    @Test
    void keyIsMadeOnceAndReused() throws Exception {
        DevKeys keys = new DevKeys(dir);
        String first = Files.readString(keys.publicKey());
        assertEquals(first, Files.readString(new DevKeys(dir).publicKey()));
    }

    @Test
    void unknownRoleIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new DevKeys(dir).token("mayor", "x", Duration.ofMinutes(1)));
    }
}
