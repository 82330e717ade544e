package org.switchboard.crm.local.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.switchboard.crm.local.Requests.ticket;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.switchboard.api.spi.CrmException;
import org.switchboard.crm.local.TestClock;
import org.switchboard.crm.local.TicketLinks;
import org.switchboard.crm.local.store.TicketNumbers;
import org.switchboard.crm.local.store.TicketStore;

class LocalCrmConnectorFailureTest {

    @Test
    void asksForARetryWhenTheDatabaseIsDown() throws Exception {
        DataSource down = mock(DataSource.class);
        when(down.getConnection()).thenThrow(new SQLTransientConnectionException("Connection refused", "08001"));
        LocalCrmConnector connector = new LocalCrmConnector(new TicketStore(down, new TestClock()),
                new TicketNumbers("SB-", 6), new TicketLinks("http://localhost:8181"));

        assertThatThrownBy(() -> connector.openTicket(ticket("conversation-1")))
                .isInstanceOfSatisfying(CrmException.class, e -> assertThat(e.isRetryable()).isTrue())
                .hasMessageContaining("Connection refused");
    }

    @Test
    void rejectsWhatTheDatabaseRefusesWithoutQuotingIt() {
        CrmException failure = Failures.of("log an activity",
                new SQLException("Value too long for column BODY: 'the customer's secret'", "22001"));

        assertThat(failure.isRetryable()).isFalse();
        assertThat(failure).hasMessageContaining("22001").hasMessageNotContaining("secret");
    }
}
