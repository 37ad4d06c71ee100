package org.shequ.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * The stub services behind a gateway whose public port also speaks TLS, with a certificate for 127.0.0.1 made by the
 * JDK's keytool for this run and handed to the gateway as PEM, as a city would configure its own.
 */
public class TlsEdge extends StubServices {

    static Path keyStore;
    static final char[] PASSWORD = "changeit".toCharArray();

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        try {
            Path dir = Files.createTempDirectory("shequ-tls");
            keyStore = dir.resolve("edge.p12");
            Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-genkeypair", "-alias", "edge", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                    "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12",
                    "-keystore", keyStore.toString(), "-storepass", new String(PASSWORD))
                    .redirectErrorStream(true).start();
            String said = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (keytool.waitFor() != 0) {
                throw new IllegalStateException("keytool failed: " + said);
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keyStore)) {
                store.load(in, PASSWORD);
            }
            PrivateKey key = (PrivateKey) store.getKey("edge", PASSWORD);
            Certificate certificate = store.getCertificate("edge");
            Path keyFile = dir.resolve("edge.key");
            Path certFile = dir.resolve("edge.crt");
            Files.writeString(keyFile, pem("PRIVATE KEY", key.getEncoded()));
            Files.writeString(certFile, pem("CERTIFICATE", certificate.getEncoded()));
            config.put("shequ.gateway.edge.tls-certificate", certFile.toString());
            config.put("shequ.gateway.edge.tls-key", keyFile.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return config;
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
