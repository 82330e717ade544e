package org.switchboard.shell.commands;

import java.util.Optional;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.switchboard.api.Address;
import org.switchboard.api.CrmRef;
import org.switchboard.api.Customer;
import org.switchboard.api.Interaction;
import org.switchboard.api.service.Customers;
import org.switchboard.shell.format.Texts;

/** {@code switchboard:customer}: one customer with their addresses, CRM records and latest interactions. */
@Service
@Command(scope = "switchboard", name = "customer", description = "Show a customer, found by address (phone:+4930123456, email:ada@example.org) or id")
public final class CustomerCommand extends ConsoleAction {

    @Argument(index = 0, name = "address", description = "kind:value, e.g. phone:+4930123456, or the customer's id", required = true)
    String address;

    @Option(name = "-n", aliases = "--limit", description = "How many of the latest interactions to show")
    int limit = 10;

    @Reference(optional = true)
    Customers customers;

    @Override
    public Object execute() {
        Customers directory = available(customers, Customers.class);
        Optional<Customer> found = address.strip().chars().allMatch(Character::isDigit)
                ? directory.find(Long.parseLong(address.strip()))
                : directory.findByAddress(Address.parse(address));
        if (found.isEmpty()) {
            out.println("No customer has " + address);
            return null;
        }
        Customer customer = found.get();
        out.println("Customer " + customer.id() + ": " + customer.label() + ", known since " + Texts.time(customer.createdAt()));
        out.println();
        out.println("Addresses");
        printAddresses(customer);
        out.println();
        out.println("CRM records");
        printCrmRefs(customer);
        out.println();
        out.println("Latest interactions");
        printHistory(customer, directory);
        return null;
    }

    private void printAddresses(Customer customer) {
        ShellTable table = new ShellTable().emptyTableText("No addresses");
        table.column("Kind");
        table.column("Address");
        for (Address a : customer.addresses()) {
            table.addRow().addContent(a.kind(), a.value());
        }
        table.print(out);
    }

    private void printCrmRefs(Customer customer) {
        ShellTable table = new ShellTable().emptyTableText("In no CRM");
        table.column("CRM");
        table.column("Type");
        table.column("ID");
        table.column("Link");
        for (CrmRef ref : customer.crmRefs()) {
            table.addRow().addContent(ref.connectorId(), ref.type(), ref.externalId(), Texts.orNone(Texts.redacted(ref.url())));
        }
        table.print(out);
    }

    private void printHistory(Customer customer, Customers directory) {
        ShellTable table = new ShellTable().emptyTableText("No interactions");
        table.column("ID").alignRight();
        table.column("When");
        table.column("Channel");
        table.column("Direction");
        table.column("State");
        table.column("Agent");
        table.column("Summary").maxSize(50);
        for (Interaction interaction : directory.history(customer.id(), limit)) {
            table.addRow().addContent(interaction.id(), Texts.time(interaction.createdAt()), interaction.channel(),
                    interaction.direction(), interaction.state(), Texts.orNone(interaction.agentId()),
                    Texts.oneLine(interaction.summary(), 50));
        }
        table.print(out);
    }
}
