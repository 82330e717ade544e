package org.switchboard.channel.email.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.api.AttachmentRef;
import org.switchboard.channel.email.mime.ParsedMail;

/** What the email tables promise, on every database Switchboard runs on. */
abstract class EmailStoreContract {
    private EmailStore store;

    protected abstract DataSource dataSource();

    @BeforeEach
    void setUp() {
        EmailSchema.update(dataSource());
        EmailSchema.update(dataSource()); // a second run changes nothing
        store = new EmailStore(dataSource(), Clock.systemUTC());
    }

    @Test
    void storingTheSameAttachmentsAgainGivesTheSameReferencesAndNoNewRows() throws Exception {
        List<ParsedMail.MailPart> parts = List.of(
                new ParsedMail.MailPart("a.txt", "text/plain", "one".getBytes(StandardCharsets.UTF_8)),
                new ParsedMail.MailPart("b.bin", "application/octet-stream", new byte[] {0, 1, 2}));
        List<AttachmentRef> first = store.storeAttachments("support", "m1@x.example", parts);
        List<AttachmentRef> again = store.storeAttachments("support", "m1@x.example", parts);

        assertThat(again).isEqualTo(first);
        assertThat(first).extracting(AttachmentRef::size).containsExactly(3L, 3L);
        assertThat(store.attachment(first.get(1).id())).hasValueSatisfying(b -> assertThat(b).containsExactly(0, 1, 2));
        assertThat(store.storeAttachments("sales", "m1@x.example", parts).get(0).id()).isNotEqualTo(first.get(0).id());
    }

    @Test
    void aRejectedMessageIsKeptOnce() throws Exception {
        assertThat(store.storeRejected("support", "bad@x.example", "no sender", "raw".getBytes(StandardCharsets.UTF_8), 3)).isTrue();
        assertThat(store.storeRejected("support", "bad@x.example", "no sender", "raw".getBytes(StandardCharsets.UTF_8), 3)).isFalse();
        assertThat(store.rejected(10)).singleElement().satisfies(r -> {
            assertThat(r.error()).isEqualTo("no sender");
            assertThat(r.truncated()).isFalse();
            assertThat(store.rejectedRaw(r.id()).orElseThrow()).isEqualTo("raw".getBytes(StandardCharsets.UTF_8));
        });
    }

    @Test
    void aSentReplyIsRecordedBeforeAndAfterTheServerTookIt() throws Exception {
        assertThat(store.sent("k1")).isEmpty();
        store.sending("k1", "support", "sb.1@example.com");
        store.sending("k1", "support", "sb.other@example.com");
        assertThat(store.sent("k1")).contains(new EmailStore.Sent("sb.1@example.com", false));
        store.delivered("k1");
        assertThat(store.sent("k1")).contains(new EmailStore.Sent("sb.1@example.com", true));
    }

    @Test
    void pendingAcknowledgementsLearnTheirConversationAndEndOnce() throws Exception {
        store.addPendingAck("support", "m1@x.example", 11, "anna@customer.example", "Hello");
        store.addPendingAck("support", "m1@x.example", 11, "anna@customer.example", "Hello");
        store.addPendingAck("support", "m2@x.example", 12, "anna@customer.example", null);
        assertThat(store.pendingAcks("support", 10)).extracting(EmailStore.PendingAck::conversationId)
                .containsExactly(null, null);

        store.ackConversation("support", "m1@x.example", 7);
        assertThat(store.pendingAcks("support", 10).get(0).conversationId()).isEqualTo(7L);
        assertThat(store.finishAck("support", "m1@x.example", true)).isTrue();
        assertThat(store.finishAck("support", "m1@x.example", true)).isFalse();
        assertThat(store.finishAck("support", "m2@x.example", false)).isTrue();

        assertThat(store.pendingAcks("support", 10)).isEmpty();
        assertThat(store.acksSentTo("anna@customer.example", Instant.now().minusSeconds(60))).isEqualTo(1);
    }

    @Test
    void pop3MessagesAreSeenOnce() throws Exception {
        assertThat(store.seen("support", "m1@x.example")).isFalse();
        store.markSeen("support", "m1@x.example");
        store.markSeen("support", "m1@x.example");
        assertThat(store.seen("support", "m1@x.example")).isTrue();
        assertThat(store.seen("sales", "m1@x.example")).isFalse();
    }
}
