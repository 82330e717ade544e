package org.switchboard.channel.email;


/**
 * Runs Jakarta Mail work with Angus Mail's class loader as the thread's context class loader. Jakarta
 * Mail 2.1 finds its implementation (the stream provider, the protocol providers) with
 * {@link java.util.ServiceLoader} on that loader; in OSGi the caller's loader does not see Angus.
 */
public final class MailClassLoader {
    private static final ClassLoader ANGUS = org.eclipse.angus.mail.smtp.SMTPTransport.class.getClassLoader();

    private MailClassLoader() {
    }

    public static <T, E extends Exception> T call(MailWork<T, E> work) throws E {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(ANGUS);
        try {
            return work.call();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** Like {@link java.util.concurrent.Callable}, with the exception type kept. */
    @FunctionalInterface
    public interface MailWork<T, E extends Exception> {
        T call() throws E;
    }
}
