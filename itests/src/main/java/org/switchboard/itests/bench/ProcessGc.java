package org.switchboard.itests.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.management.MBeanServerConnection;
import javax.management.Notification;
import javax.management.NotificationListener;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * The garbage collections of another JVM on this machine (Karaf), as its collectors announce them:
 * the benchmark attaches to it (same user, JDK's attach mechanism), starts its local management
 * agent and listens. A collection that stops Karaf for longer than the target holds back every pop
 * that arrives meanwhile, so a run reports how many came while it measured and the longest.
 */
final class ProcessGc implements AutoCloseable {
    /** Null when the benchmark could not attach: then nothing is counted. */
    private final JMXConnector connector;
    private final Kind minor = new Kind();
    private final Kind major = new Kind();

    private ProcessGc(JMXConnector connector) {
        this.connector = connector;
    }

    /** Listens to the collectors of process {@code pid}; if it cannot attach, prints why and counts nothing. */
    static ProcessGc attach(long pid) {
        try {
            VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
            String address;
            try {
                address = vm.startLocalManagementAgent();
            } finally {
                vm.detach();
            }
            ProcessGc gc = new ProcessGc(JMXConnectorFactory.connect(new JMXServiceURL(address)));
            try {
                gc.listen();
            } catch (Exception e) {
                gc.close();
                throw e;
            }
            return gc;
        } catch (Exception e) {
            System.out.printf("(Karaf's collections are not counted: cannot attach to process %d: %s)%n", pid, e);
            return new ProcessGc(null);
        }
    }

    private void listen() throws IOException, javax.management.JMException {
        MBeanServerConnection server = connector.getMBeanServerConnection();
        NotificationListener listener = this::collected;
        for (ObjectName name : server.queryNames(new ObjectName(ManagementFactory.GARBAGE_COLLECTOR_MXBEAN_DOMAIN_TYPE + ",*"), null)) {
            server.addNotificationListener(name, listener, null, null);
        }
    }

    private void collected(Notification n, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
        (info.getGcAction().contains("major") ? major : minor).add(info.getGcInfo().getDuration());
    }

    /** Forgets what was counted so far: the measured part starts. */
    void reset() {
        minor.reset();
        major.reset();
    }

    /**
     * "young 262 (2.41 s, longest 18 ms), full 1 (183 ms)": the collections since {@link #reset()}; empty if
     * the benchmark could not attach.
     */
    Optional<String> summary() {
        return connector == null ? Optional.empty() : Optional.of("young " + minor.describe() + ", full " + major.describe());
    }

    @Override
    public void close() {
        if (connector == null) {
            return;
        }
        try {
            connector.close();
        } catch (IOException ignored) {
            // Karaf is stopping
        }
    }

    /** Collections of one kind: how many, their time in all, the longest; each of the first three. */
    private static final class Kind {
        private final List<Long> first = new ArrayList<>();
        private long count;
        private long totalMillis;
        private long longestMillis;

        synchronized void add(long millis) {
            count++;
            totalMillis += millis;
            longestMillis = Math.max(longestMillis, millis);
            if (first.size() < 3) {
                first.add(millis);
            }
        }

        synchronized void reset() {
            first.clear();
            count = 0;
            totalMillis = 0;
            longestMillis = 0;
        }

        synchronized String describe() {
            if (count <= first.size()) {
                return count == 0 ? "0" : count + " (" + String.join(", ", first.stream().map(ms -> ms + " ms").toList()) + ")";
            }
            return String.format(Locale.ROOT, "%d (%.2f s, longest %d ms)", count, totalMillis / 1e3, longestMillis);
        }
    }
}
