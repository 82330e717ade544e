package org.switchboard.channel.email.rejected;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.switchboard.api.ConflictException;
import org.switchboard.api.NotFoundException;
import org.switchboard.channel.email.testing.RejectedMailbox;

class RejectedMailTest {
    private final RejectedMailbox mailbox = new RejectedMailbox();

    @Test
    void aMessageTheCoreRefusedBecomesAContactOnceTheCauseIsFixed() throws Exception {
        long id = mailbox.refusedByTheCore(1);
        assertThat(mailbox.store.rejected(10)).singleElement()
                .satisfies(r -> assertThat(r.error()).contains("the core refused it", "blocked by a rule"));

        RejectedMail.Replayed done = mailbox.rejected.replay(id);

        assertThat(done.duplicate()).isFalse();
        assertThat(done.sourceId()).isEqualTo("order-1@customer.example");
        assertThat(mailbox.ingress.only().subject()).isEqualTo("Order 1 is late");
        assertThat(mailbox.store.rejected(10)).isEmpty();
    }

    @Test
    void aMessageStillRefusedStaysListedWithTheNewReason() throws Exception {
        long id = mailbox.refusedByTheCore(1);
        mailbox.coreRefuses.set(true);

        assertThatThrownBy(() -> mailbox.rejected.replay(id)).isInstanceOf(ConflictException.class)
                .hasMessage("Rejected message " + id + " still cannot become a contact: the core refused it: "
                        + "from is blocked by a rule");

        assertThat(mailbox.store.rejected(10)).singleElement().satisfies(r -> assertThat(r.id()).isEqualTo(id));
        assertThat(mailbox.ingress.contacts()).isEmpty();
    }

    @Test
    void aMessageOfWhichOnlyTheHeadersWereKeptCannotBeReplayed() throws Exception {
        long id = mailbox.onlyHeadersKept();

        assertThatThrownBy(() -> mailbox.rejected.replay(id)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("only 41 of its 30000000 bytes were kept")
                .hasMessageContaining("raise maxMessageBytes and mark it unread there");
        assertThat(mailbox.store.rejected(10)).hasSize(1);
    }

    @Test
    void aMessageOfAMailboxThatIsNotRunningWaitsForIt() throws Exception {
        long id = mailbox.refusedByTheCore(1);
        mailbox.rejected.detach("support", mailbox.processor);

        assertThatThrownBy(() -> mailbox.rejected.replay(id)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("mailbox support, which is not configured (or not running) now");
        assertThat(mailbox.store.rejected(10)).hasSize(1);
    }

    @Test
    void replayingAMessageTheCoreHadStoredAfterAllGivesItsContactAgain() throws Exception {
        long id = mailbox.refusedByTheCore(1);
        mailbox.processor.handle(org.switchboard.channel.email.testing.Mails.message(
                org.switchboard.channel.email.testing.Mails.order(1)));

        assertThat(mailbox.rejected.replay(id).duplicate()).isTrue();
        assertThat(mailbox.ingress.contacts()).hasSize(1);
        assertThat(mailbox.store.rejected(10)).isEmpty();
    }

    @Test
    void anUnknownIdIsNotFound() {
        assertThatThrownBy(() -> mailbox.rejected.replay(4711)).isInstanceOf(NotFoundException.class);
    }
}
