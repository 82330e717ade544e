package org.switchboard.channel.email.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import jakarta.mail.Flags;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import com.icegreen.greenmail.imap.ImapServer;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * A real GreenMail server (SMTP, IMAP, POP3 on free ports) with the mailbox {@value #ADDRESS}, and a
 * way to restart its IMAP service with the mail kept, as a real server restart keeps it.
 */
public final class MailServer implements AutoCloseable {
    public static final String ADDRESS = "support@example.com";
    public static final String USER = "support";
    public static final String PASSWORD = "s3cret)pw";

    private final GreenMail greenMail;
    private final ServerSetup imapSetup;
    private final GreenMailUser user;
    private ImapServer restartedImap;

    public MailServer() {
        imapSetup = setup(ServerSetup.PROTOCOL_IMAP);
        greenMail = new GreenMail(new ServerSetup[] {setup(ServerSetup.PROTOCOL_SMTP), imapSetup, setup(ServerSetup.PROTOCOL_POP3)});
        greenMail.start();
        user = greenMail.setUser(ADDRESS, USER, PASSWORD);
    }

    /**
     * A server on a free port of the loopback interface. GreenMail waits 2 s for its servers to start by
     * default, which a busy 2-core machine (a CI run) has exceeded; 30 s costs nothing when it is quick.
     */
    private static ServerSetup setup(String protocol) {
        ServerSetup setup = new ServerSetup(freePort(), "127.0.0.1", protocol);
        setup.setServerStartupTimeout(30_000);
        return setup;
    }

    public GreenMail greenMail() {
        return greenMail;
    }

    public int smtpPort() {
        return greenMail.getSmtp().getPort();
    }

    public int imapPort() {
        return imapSetup.getPort();
    }

    public int pop3Port() {
        return greenMail.getPop3().getPort();
    }

    public GreenMailUser user() {
        return user;
    }

    /** Puts a message, given as its raw text (CRLF or LF), straight into the inbox. */
    public void deliver(String raw) {
        deliver(raw.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1));
    }

    public void deliver(byte[] raw) {
        try {
            user.deliver(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw)));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<StoredMessage> inbox() {
        return folder("INBOX").getMessages();
    }

    public MailFolder folder(String name) {
        try {
            return name.equals("INBOX") ? greenMail.getManagers().getImapHostManager().getInbox(user)
                    : greenMail.getManagers().getImapHostManager().getFolder(user, name, true);
        } catch (FolderException e) {
            throw new IllegalStateException(e);
        }
    }

    public void createFolder(String name) {
        try {
            greenMail.getManagers().getImapHostManager().createMailbox(user, name);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public long seenCount() {
        return inbox().stream().filter(m -> m.isSet(Flags.Flag.SEEN)).count();
    }

    /** Stops the IMAP service: connections drop, new ones are refused; the mail stays. */
    public void stopImap() {
        if (restartedImap != null) {
            restartedImap.stopService();
            restartedImap = null;
        } else {
            greenMail.getImap().stopService();
        }
    }

    /** Starts the IMAP service again, on the same port, over the same mail. */
    public void startImap() {
        // the port may still be held for a moment by a connection to what listened there before:
        // GreenMail then logs that it cannot open the socket and never runs, so try again
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        try {
            while (true) {
                restartedImap = new ImapServer(imapSetup, greenMail.getManagers());
                restartedImap.startService();
                if (restartedImap.waitTillRunning(3000)) {
                    return;
                }
                restartedImap.stopService();
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("IMAP could not listen on port " + imapPort() + " again");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Messages that reached anyone but the Switchboard mailbox (the customers), in order. */
    public MimeMessage[] sentToCustomers() {
        return greenMail.findReceivedMessages(u -> !u.getEmail().equals(ADDRESS), m -> true).toArray(MimeMessage[]::new);
    }

    @Override
    public void close() {
        if (restartedImap != null) {
            restartedImap.stopService();
        }
        greenMail.stop();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
