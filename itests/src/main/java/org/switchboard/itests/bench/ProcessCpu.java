package org.switchboard.itests.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * CPU time of a process and of its JIT compiler threads, read from Linux's {@code /proc}: a benchmark
 * that runs while the JIT still compiles measures the compiler too, on the same two cores.
 */
final class ProcessCpu {
    /** Linux's {@code USER_HZ}: {@code /proc} counts CPU time in hundredths of a second. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private ProcessCpu() {
    }

    /** The process's CPU time (user and system, all threads), or -1 where there is no {@code /proc}. */
    static long totalNanos(long pid) {
        try {
            return ticks(Files.readString(Path.of("/proc", Long.toString(pid), "stat"))) * NANOS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * CPU time of the process's JIT compiler threads ({@code C1 CompilerThre…}, {@code C2 CompilerThre…}),
     * or -1 where there is no {@code /proc}. The JVM's own compilation time is wall time, which a busy
     * machine stretches. A compiler thread the JVM ends when it has nothing to do takes its time with it;
     * on two cores the JVM keeps its one C1 and one C2 thread.
     */
    static long jitNanos(long pid) {
        long ticks = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException ended) {
                    continue; // the thread has ended meanwhile
                }
                if (stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).contains("CompilerThre")) {
                    ticks += ticks(stat);
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return ticks * NANOS_PER_TICK;
    }

    /** {@code after - before}, or -1 when either could not be read. */
    static long elapsed(long before, long after) {
        return before < 0 || after < 0 ? -1 : after - before;
    }

    /**
     * "of which the JIT compiler … s" for a part of a run, marked when the compiler took more than a tenth
     * of {@code cpuNanos}: its threads share the cores with the work, so that part is not yet the steady state.
     */
    static String jitShare(long jitNanos, long cpuNanos) {
        return String.format(Locale.ROOT, "of which the JIT compiler %.1f s%s", jitNanos / 1e9,
                jitNanos > cpuNanos / 10 ? " (more than a tenth: not yet the steady state, warm up longer)" : "");
    }

    /** utime + stime of a {@code stat} line; the fields count from the ')' that closes the name, which may hold spaces. */
    private static long ticks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
