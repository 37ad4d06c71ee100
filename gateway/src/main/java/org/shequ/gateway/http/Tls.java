package org.shequ.gateway.http;

import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLException;
import org.shequ.gateway.GatewayConfig;

/**
 * TLS at both ends: for {@code https} services (the JVM's trust store, or the CAs of {@code trust-certs}), and on
 * the public port when a certificate is configured, offering HTTP/2 and HTTP/1.1 by ALPN.
 */
final class Tls {

    private Tls() {
    }

    static SslContext forUpstreams(GatewayConfig config) {
        try {
            SslContextBuilder builder = SslContextBuilder.forClient().endpointIdentificationAlgorithm("HTTPS");
            if (config.trustCerts().isPresent()) {
                builder.trustManager(certificates(config.trustCerts().get()));
            }
            return builder.build();
        } catch (SSLException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every certificate in the PEM files, read by the JDK's X.509 factory. */
    private static List<X509Certificate> certificates(List<String> paths) {
        List<X509Certificate> all = new ArrayList<>();
        try {
            CertificateFactory x509 = CertificateFactory.getInstance("X.509");
            for (String path : paths) {
                try (InputStream in = Files.newInputStream(Path.of(path))) {
                    x509.generateCertificates(in).forEach(cert -> all.add((X509Certificate) cert));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (CertificateException e) {
            throw new IllegalArgumentException("shequ.gateway.trust-certs: " + e.getMessage(), e);
        }
        return all;
    }

    /** The public port's context, or {@code null} when it is cleartext. */
    static SslContext forClients(GatewayConfig.Edge settings) {
        if (settings.tlsCertificate().isEmpty() || settings.tlsKey().isEmpty()) {
            return null;
        }
        try {
            return SslContextBuilder.forServer(new File(settings.tlsCertificate().get()),
                            new File(settings.tlsKey().get()))
                    .applicationProtocolConfig(new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
                            ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                            ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
                            ApplicationProtocolNames.HTTP_2, ApplicationProtocolNames.HTTP_1_1))
                    .build();
        } catch (SSLException e) {
            throw new UncheckedIOException(e);
        }
    }
}
