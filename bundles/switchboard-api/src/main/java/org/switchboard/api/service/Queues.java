package org.switchboard.api.service;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;
import org.switchboard.api.QueueStatus;

/** Queues as configured, with what waits in them now. */
@ProviderType
public interface Queues {

    List<QueueStatus> list();

    Optional<QueueStatus> find(String queueId);
}
