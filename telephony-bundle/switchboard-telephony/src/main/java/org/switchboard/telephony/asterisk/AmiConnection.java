package org.switchboard.telephony.asterisk;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.asteriskjava.manager.internal.ManagerConnectionImpl;
import org.asteriskjava.util.SocketConnectionFacade;

/**
 * asterisk-java's AMI connection, but over TLS it checks the PBX's host name too: asterisk-java opens its TLS
 * socket with the default factory and no endpoint identification, so any certificate the JVM trusts would do,
 * whoever it was made for. Here the handshake runs before anything is sent, with the configured {@code host} as
 * the server name (SNI) and checked against the certificate's names (as HTTPS clients do), so a PBX whose
 * certificate names another host gets neither the login nor the password. Plain TCP is asterisk-java's own.
 */
final class AmiConnection extends ManagerConnectionImpl {
    private final AmiSettings settings;

    AmiConnection(AmiSettings settings) {
        this.settings = settings;
        setHostname(settings.host());
        setPort(settings.port());
        setUsername(settings.username());
        setPassword(settings.password());
        setSsl(settings.tls());
    }

    @Override
    protected SocketConnectionFacade createSocket() throws IOException {
        if (!settings.tls()) {
            return super.createSocket();
        }
        int timeoutMillis = Math.toIntExact(settings.responseTimeout().toMillis());
        Socket plain = new Socket();
        try {
            plain.connect(new InetSocketAddress(settings.host(), settings.port()), timeoutMillis);
            SSLSocket tls = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault())
                    .createSocket(plain, settings.host(), settings.port(), true);
            SSLParameters parameters = tls.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            tls.setSSLParameters(parameters);
            tls.setSoTimeout(timeoutMillis);
            tls.startHandshake();
            tls.setSoTimeout(0); // AMI is quiet between events; asterisk-java's pings notice a dead PBX
            return new Lines(tls);
        } catch (IOException | RuntimeException e) {
            plain.close();
            throw e;
        }
    }

    /** The AMI's lines ({@code CRLF}-terminated, UTF-8) over a connected socket. */
    private static final class Lines implements SocketConnectionFacade {
        private final Socket socket;
        private final BufferedReader reader;
        private final BufferedWriter writer;

        Lines(Socket socket) throws IOException {
            this.socket = socket;
            this.reader = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            this.writer = new BufferedWriter(new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public String readLine() throws IOException {
            return reader.readLine();
        }

        @Override
        public void write(String s) throws IOException {
            writer.write(s);
        }

        @Override
        public void flush() throws IOException {
            writer.flush();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }

        @Override
        public boolean isConnected() {
            return socket.isConnected() && !socket.isClosed();
        }

        @Override
        public InetAddress getLocalAddress() {
            return socket.getLocalAddress();
        }

        @Override
        public int getLocalPort() {
            return socket.getLocalPort();
        }

        @Override
        public InetAddress getRemoteAddress() {
            return socket.getInetAddress();
        }

        @Override
        public int getRemotePort() {
            return socket.getPort();
        }
    }
}
