package org.switchboard.shell.commands;

import java.io.PrintStream;
import java.time.Clock;
import org.apache.karaf.shell.api.action.Action;

/**
 * What every {@code switchboard:*} command shares: where it prints (Karaf gives each session its
 * own {@code System.out}) and what time it is; tests set both.
 *
 * <p>Commands take the core's services as optional references: Karaf registers a bundle's commands
 * only once every mandatory reference of every command is there, so one missing service would hide
 * them all, {@code switchboard:health} included. A command whose service is missing says so instead.
 */
abstract class ConsoleAction implements Action {
    PrintStream out = System.out;
    Clock clock = Clock.systemUTC();

    /** The service, or a failure that tells the operator the core does not provide it (now). */
    static <T> T available(T service, Class<T> type) {
        if (service == null) {
            throw new IllegalStateException("Switchboard's core is not running: no " + type.getSimpleName()
                    + " service is registered (see bundle:list and log:display)");
        }
        return service;
    }
}
