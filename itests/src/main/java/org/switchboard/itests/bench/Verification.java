package org.switchboard.itests.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.switchboard.api.Receipt;
import org.switchboard.api.spi.ContactIngress;

/**
 * Nothing lost, nothing duplicated: every accepted contact has an interaction of its own and was
 * processed; handing each in again changes nothing; the store holds exactly one interaction,
 * conversation and built-in-CRM ticket per contact; no contact or CRM write failed.
 */
final class Verification {
    private final List<String> failures = new ArrayList<>();
    private final List<String> checks = new ArrayList<>();

    static Verification of(ContactIngress ingress, DataSource dataSource, Completions completions, Run... runs)
            throws SQLException {
        Verification v = new Verification();
        long total = 0;
        for (Run run : runs) {
            total += run.size();
            Set<Long> ids = new HashSet<>();
            for (int i = 0; i < run.size(); i++) {
                ids.add(run.interactionId(i));
            }
            v.check(ids.size() == run.size(), run.size() + " contacts of '%s' became distinct interactions (%d)", runName(run), ids.size());
            v.check(run.duplicatesOnFirstAccept() == 0, "no contact of '%s' was a duplicate on its first accept (%d)", runName(run), run.duplicatesOnFirstAccept());
            v.check(run.processed() == run.size(), "every contact of '%s' was fully processed (%d of %d)", runName(run), run.processed(), run.size());
            int again = 0;
            for (int i = 0; i < run.size(); i++) {
                Receipt receipt = ingress.accept(run.contact(i));
                if (receipt.duplicate() && receipt.interactionId() == run.interactionId(i)) {
                    again++;
                }
            }
            v.check(again == run.size(), "handing every contact of '%s' in again gave its first receipt, marked duplicate (%d of %d)", runName(run), again, run.size());
        }
        v.check(count(dataSource, "sb_interaction") == total, "interactions in the store: %d (expected %d)", count(dataSource, "sb_interaction"), total);
        v.check(count(dataSource, "sb_conversation") == total, "conversations in the store: %d (expected %d)", count(dataSource, "sb_conversation"), total);
        v.check(count(dataSource, "crm_local_tickets") == total, "tickets in the built-in CRM: %d (expected %d)", count(dataSource, "crm_local_tickets"), total);
        v.check(completions.failures() == 0, "failed contacts or CRM writes: %d", completions.failures());
        return v;
    }

    private void check(boolean ok, String format, Object... args) {
        String line = String.format(format, args);
        checks.add((ok ? "ok    " : "FAIL  ") + line);
        if (!ok) {
            failures.add(line);
        }
    }

    boolean passed() {
        return failures.isEmpty();
    }

    void print() {
        checks.forEach(System.out::println);
        System.out.println(passed() ? "nothing lost, nothing duplicated" : failures.size() + " check(s) FAILED");
    }

    private static String runName(Run run) {
        return run.name();
    }

    private static long count(DataSource dataSource, String table) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
