package org.switchboard.telephony.testing;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A PBX's TLS certificate made for the test with the JDK's {@code keytool} (self-signed, RSA 2048, for
 * {@code 127.0.0.1} and {@code localhost} unless told otherwise, valid two days), as an administrator would make one for Asterisk's
 * {@code tlscertfile}: the server side's key, and a client side that trusts the certificate as a truststore
 * with it imported does.
 *
 * @param server   the PBX's context: its key and certificate
 * @param trusting a context whose only trusted certificate is the PBX's
 */
public record TestCertificates(SSLContext server, SSLContext trusting) {
    private static final char[] PASSWORD = "test-only-keystore".toCharArray();

    public static TestCertificates generate(Path folder) throws Exception {
        return generate(folder, "pbx.test", "ip:127.0.0.1,dns:localhost");
    }

    /**
     * A certificate for other names: {@code names} as keytool's subject alternative names
     * ({@code dns:pbx.elsewhere.test}, {@code ip:10.0.0.5}).
     */
    public static TestCertificates generate(Path folder, String commonName, String names) throws Exception {
        Path keystore = folder.resolve(commonName + ".p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "pbx", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=" + commonName, "-ext", "SAN=" + names, "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD))
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
            throw new IllegalStateException("keytool could not make the test certificate: " + output);
        }
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            keys.load(in, PASSWORD);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, PASSWORD);
        SSLContext server = SSLContext.getInstance("TLS");
        server.init(kmf.getKeyManagers(), null, null);

        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("pbx", keys.getCertificate("pbx"));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext trusting = SSLContext.getInstance("TLS");
        trusting.init(null, tmf.getTrustManagers(), null);
        return new TestCertificates(server, trusting);
    }
}
