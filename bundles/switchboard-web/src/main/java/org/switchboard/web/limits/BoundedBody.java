package org.switchboard.web.limits;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import javax.ws.rs.NameBinding;

/**
 * Marks this bundle's resources whose request bodies are bounded by the configured
 * {@code maxBodyBytes}. Contributed resources bound their own bodies (the webhook has its own limit).
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface BoundedBody {
}
