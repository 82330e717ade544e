package org.switchboard.channel.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MailboxTest {

    /** A configuration as DS hands it over: the given values, the annotation's defaults for the rest. */
    private static MailboxConfig config(Map<String, Object> values) {
        return (MailboxConfig) java.lang.reflect.Proxy.newProxyInstance(MailboxConfig.class.getClassLoader(),
                new Class<?>[] {MailboxConfig.class}, (proxy, method, args) -> {
                    if (method.getName().equals("annotationType")) {
                        return MailboxConfig.class;
                    }
                    Object value = values.get(method.getName());
                    return value != null ? value : method.getDefaultValue();
                });
    }

    private static Map<String, Object> minimal() {
        Map<String, Object> values = new HashMap<>();
        values.put("name", "support");
        values.put("address", "Support <Support@Example.com>");
        values.put("host", "imap.example.com");
        values.put("user", "support");
        values.put("password", "imap-secret");
        return values;
    }

    @Test
    void fillsInDefaultsFromTheProtocolAndTls() {
        Mailbox m = Mailbox.of(config(minimal()));
        assertThat(m.address()).isEqualTo("support@example.com");
        assertThat(m.protocol()).isEqualTo(Mailbox.Protocol.IMAP);
        assertThat(m.port()).isEqualTo(993);
        assertThat(m.folder()).isEqualTo("INBOX");
        assertThat(m.moveTo()).isNull();
        assertThat(m.smtp().enabled()).isFalse();
        assertThat(m.isOwn("SUPPORT@example.com")).isTrue();
    }

    @Test
    void imapWaitsInIdleByDefaultUnlessTurnedOffAndPop3AlwaysPolls() {
        assertThat(Mailbox.of(config(minimal())).idle()).isTrue();
        Map<String, Object> off = minimal();
        off.put("idle", false);
        assertThat(Mailbox.of(config(off)).idle()).isFalse();
        Map<String, Object> pop3 = minimal();
        pop3.put("protocol", "pop3");
        assertThat(Mailbox.of(config(pop3)).idle()).isFalse();
    }

    @Test
    void theSmtpSideTakesTheMailboxCredentialsUnlessGivenItsOwn() {
        Map<String, Object> values = minimal();
        values.put("smtpHost", "smtp.example.com");
        values.put("smtpSecurity", "tls");
        Mailbox m = Mailbox.of(config(values));
        assertThat(m.smtp().port()).isEqualTo(465);
        assertThat(m.smtp().user()).isEqualTo("support");
        assertThat(m.smtp().password()).isEqualTo("imap-secret");
    }

    @Test
    void passwordsNeverShowInItsText() {
        Map<String, Object> values = minimal();
        values.put("smtpHost", "smtp.example.com");
        values.put("smtpPassword", "smtp-secret");
        assertThat(Mailbox.of(config(values)).toString()).doesNotContain("imap-secret").doesNotContain("smtp-secret");
    }

    @Test
    void badSettingsAreRefusedNamingTheKey() {
        Map<String, Object> values = minimal();
        values.put("protocol", "smoke-signals");
        assertThatThrownBy(() -> Mailbox.of(config(values))).hasMessageContaining("protocol must be imap or pop3");

        Map<String, Object> pop3Move = minimal();
        pop3Move.put("protocol", "pop3");
        pop3Move.put("moveTo", "Done");
        assertThatThrownBy(() -> Mailbox.of(config(pop3Move))).hasMessageContaining("moveTo needs IMAP");

        Map<String, Object> ackWithoutSmtp = minimal();
        ackWithoutSmtp.put("autoAck", true);
        assertThatThrownBy(() -> Mailbox.of(config(ackWithoutSmtp))).hasMessageContaining("autoAck needs smtpHost");

        Map<String, Object> badAddress = minimal();
        badAddress.put("address", "not an address");
        assertThatThrownBy(() -> Mailbox.of(config(badAddress))).hasMessageContaining("address is not an email address");
    }

    @Test
    void theAcknowledgementTextTakesEscapedLineBreaks() {
        Map<String, Object> values = minimal();
        values.put("smtpHost", "smtp.example.com");
        values.put("autoAckBody", "Line one\\nLine two {ticket}");
        assertThat(Mailbox.of(config(values)).autoAck().body()).isEqualTo("Line one\nLine two {ticket}");
    }

}
