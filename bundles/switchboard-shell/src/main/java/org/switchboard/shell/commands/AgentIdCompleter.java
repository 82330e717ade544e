package org.switchboard.shell.commands;

import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.switchboard.api.AgentStatus;
import org.switchboard.api.service.Agents;

/** Completes agent ids with those configured. */
@Service
public final class AgentIdCompleter implements Completer {

    @Reference(optional = true)
    Agents agents;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter ids = new StringsCompleter();
        if (agents != null) {
            for (AgentStatus status : agents.list()) {
                ids.getStrings().add(status.agent().id());
            }
        }
        return ids.complete(session, commandLine, candidates);
    }
}
