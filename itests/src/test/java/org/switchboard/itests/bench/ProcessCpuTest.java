package org.switchboard.itests.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The CPU figures the benchmarks print, read for this test's own JVM. */
class ProcessCpuTest {
    private final long self = ProcessHandle.current().pid();

    @BeforeEach
    void linuxOnly() {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "reads Linux's /proc");
    }

    @Test
    void theProcessCpuTimeGrowsByWhatAThreadComputes() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long before = ProcessCpu.totalNanos(self);
        long threadStart = threads.getCurrentThreadCpuTime();
        long sum = 0;
        // computes until this thread alone has used 300 ms of CPU, however busy the machine is
        while (threads.getCurrentThreadCpuTime() - threadStart < TimeUnit.MILLISECONDS.toNanos(300)) {
            for (int i = 0; i < 10_000; i++) {
                sum += i * 31L ^ sum;
            }
        }
        long after = ProcessCpu.totalNanos(self);

        assertThat(sum).isNotZero();
        // /proc counts in hundredths of a second
        assertThat(after - before).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(280));
    }

    @Test
    void theJitCompilersShareIsFoundAndIsPartOfTheProcess() {
        // by the time a test runs, the JIT has compiled the launcher's and JUnit's hot methods
        long jit = ProcessCpu.jitNanos(self);
        long total = ProcessCpu.totalNanos(self);

        assertThat(jit).isPositive().isLessThan(total);
    }

    @Test
    void aProcessThatIsNotThereHasNoFigures() {
        long gone = Long.MAX_VALUE;

        assertThat(ProcessCpu.totalNanos(gone)).isEqualTo(-1);
        assertThat(ProcessCpu.jitNanos(gone)).isEqualTo(-1);
    }
}
