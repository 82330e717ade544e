package org.switchboard.camel.routes;

import java.util.concurrent.Callable;

import org.apache.camel.CamelContext;

/**
 * Runs Camel work with this bundle's class loader (the context's application class loader, which
 * sees every embedded component) as the thread context class loader: parts of Camel and its
 * libraries look classes and resources up there first (Camel's package scan resolver even keeps the
 * one it finds when the context is created), and the calling thread (SCR's, File Install's,
 * another bundle's) has another one, or none.
 */
public final class ContextClassLoader {

    /** Work that may throw. */
    @FunctionalInterface
    public interface Work {
        void run() throws Exception;
    }

    private ContextClassLoader() {
    }

    public static <T> T call(ClassLoader loader, Callable<T> work) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return work.call();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** Runs work with the context's application class loader. */
    public static void run(CamelContext context, Work work) throws Exception {
        call(context.getApplicationContextClassLoader(), () -> {
            work.run();
            return null;
        });
    }

    /** Runs work that throws no checked exception with the context's application class loader. */
    public static void runUnchecked(CamelContext context, Runnable work) {
        try {
            run(context, work::run);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
