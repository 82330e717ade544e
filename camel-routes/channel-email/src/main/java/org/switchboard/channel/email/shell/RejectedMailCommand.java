package org.switchboard.channel.email.shell;

import java.io.PrintStream;
import java.sql.SQLException;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.switchboard.channel.email.rejected.RejectedMail;
import org.switchboard.channel.email.store.EmailStore;

/**
 * {@code switchboard:email-rejected}: the messages the mailboxes could not turn into contacts, newest
 * first, with the reason; the raw message is in {@code email_rejected.raw} (and still in the mailbox).
 * {@code --replay ID} parses one again and hands it to the core: accepted, it leaves the list; refused
 * again, the command fails with the reason and it stays.
 */
@Service
@Command(scope = "switchboard", name = "email-rejected",
        description = "List mail that could not become a contact, with the reason; --replay ID tries one again")
public final class RejectedMailCommand implements Action {

    @Option(name = "-n", aliases = "--limit", description = "At most this many (1 to 1000)")
    int limit = 50;

    @Option(name = "--replay", description = "Parse the rejected message with this ID again and hand it to the core")
    Long replay;

    @Reference
    RejectedMail rejected;

    PrintStream out = System.out;

    @Override
    public Object execute() throws SQLException {
        if (replay != null) {
            RejectedMail.Replayed done = rejected.replay(replay);
            out.println("Rejected message " + done.id() + " (" + done.sourceId() + ", mailbox " + done.mailbox() + ") is "
                    + (done.duplicate() ? "contact " + done.contactId() + ", stored before" : "contact " + done.contactId())
                    + " of interaction " + done.interactionId() + " now; it is no longer listed.");
            return null;
        }
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("The limit must be within 1..1000, was " + limit);
        }
        ShellTable table = new ShellTable().emptyTableText("No rejected mail");
        table.column("ID").alignRight();
        table.column("Mailbox");
        table.column("Received");
        table.column("Bytes").alignRight();
        table.column("Message");
        table.column("Reason").maxSize(100);
        for (EmailStore.Rejected r : rejected.list(limit)) {
            table.addRow().addContent(r.id(), r.mailbox(), r.receivedAt(), r.size() + (r.truncated() ? " (cut)" : ""),
                    r.sourceId(), r.error().replaceAll("\\s+", " "));
        }
        table.print(out);
        return null;
    }
}
