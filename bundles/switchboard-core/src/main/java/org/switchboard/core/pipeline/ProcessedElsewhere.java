package org.switchboard.core.pipeline;

import java.sql.SQLException;
import java.util.List;

/**
 * Some contacts of a batch were processed by another node after this one read them as pending. The
 * transaction is rolled back and the batch processed again without them.
 */
final class ProcessedElsewhere extends SQLException {
    private static final long serialVersionUID = 1L;

    ProcessedElsewhere(List<Long> interactionIds) {
        super("interaction(s) " + interactionIds + " were processed by another node meanwhile", "40001");
    }
}
