package org.switchboard.crm.odoo.connector;

import java.util.List;

/**
 * What differs between the models a ticket can live in.
 *
 * @param name        the Odoo model
 * @param stageModel  the model of its stages
 * @param stageFields the stage fields read ({@code is_won} exists on crm.stage only)
 */
record TicketModel(String name, String stageModel, List<String> stageFields) {
    static final TicketModel HELPDESK = new TicketModel("helpdesk.ticket", "helpdesk.stage",
            List.of("name", "sequence", "fold"));
    static final TicketModel LEAD = new TicketModel("crm.lead", "crm.stage",
            List.of("name", "sequence", "is_won", "fold"));
    static final TicketModel TASK = new TicketModel("project.task", "project.task.type",
            List.of("name", "sequence", "fold"));

    static TicketModel of(String name) {
        return switch (name) {
            case "helpdesk.ticket" -> HELPDESK;
            case "crm.lead" -> LEAD;
            case "project.task" -> TASK;
            default -> throw new IllegalArgumentException(
                    "ticketModel must be auto, helpdesk.ticket, crm.lead or project.task, was '" + name + "'");
        };
    }

    boolean isLead() {
        return this == LEAD;
    }

    boolean isTask() {
        return this == TASK;
    }
}
