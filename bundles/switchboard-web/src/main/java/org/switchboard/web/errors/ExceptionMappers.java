package org.switchboard.web.errors;

import java.util.List;
import org.switchboard.web.limits.BodyTooLargeMapper;

/** Every exception mapper of the REST API; JAX-RS picks the most specific one. */
public final class ExceptionMappers {

    private ExceptionMappers() {
    }

    public static List<Object> all() {
        return List.of(
                new InvalidInputMapper(),
                new BadArgumentMapper(),
                new NotFoundMapper(),
                new ConflictMapper(),
                new StoreUnavailableMapper(),
                new JsonInputMapper(),
                new BodyTooLargeMapper(),
                new WebApplicationMapper(),
                new UnexpectedErrorMapper());
    }
}
