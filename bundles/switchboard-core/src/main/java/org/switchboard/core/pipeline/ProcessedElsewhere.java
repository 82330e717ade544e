package org.switchboard.core.pipeline;

import java.sql.SQLException;
import java.util.List;

/**
 * Some contacts of a batch were processed meanwhile (resumed twice, or by another node). The
 * transaction is rolled back and the batch processed again without them.
 */
final class ProcessedElsewhere extends SQLException {
    private static final long serialVersionUID = 1L;

    private final transient List<Long> interactionIds;

    ProcessedElsewhere(List<Long> interactionIds) {
        super("interaction(s) " + interactionIds + " were processed meanwhile", "40001");
        this.interactionIds = List.copyOf(interactionIds);
    }

    /** The interactions whose contacts were processed meanwhile. */
    List<Long> interactionIds() {
        return interactionIds;
    }
}
