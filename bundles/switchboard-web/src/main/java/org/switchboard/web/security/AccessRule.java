package org.switchboard.web.security;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Set;
import org.switchboard.web.rest.RestResource;

/**
 * Who may call a resource method, from the {@code javax.annotation.security} annotations on the
 * method or, without one there, on its class; a method with none of them is for {@code admin} only.
 *
 * <p>The annotations are recognized by name: in Karaf both the system bundle (Java 9+ profile) and
 * the jakarta.annotation-api bundle export {@code javax.annotation.security}, so a contributing
 * bundle may see other {@code Class} objects for them than this one does.
 *
 * @param open  anyone may call it, without credentials
 * @param roles the roles that may call it when it is not open; empty for nobody
 */
public record AccessRule(boolean open, Set<String> roles) {
    static final AccessRule PUBLIC = new AccessRule(true, Set.of());
    static final AccessRule NOBODY = new AccessRule(false, Set.of());
    static final AccessRule ADMIN_ONLY = new AccessRule(false, Set.of(RestResource.ADMIN));

    private static final String PACKAGE = "javax.annotation.security.";

    public AccessRule {
        roles = Set.copyOf(roles);
    }

    public static AccessRule of(Class<?> resourceClass, Method method) {
        AccessRule rule = fromAnnotations(method.getAnnotations());
        if (rule == null) {
            rule = fromAnnotations(resourceClass.getAnnotations());
        }
        return rule == null ? ADMIN_ONLY : rule;
    }

    public boolean allows(Caller caller) {
        return open || caller.hasAnyRole(roles);
    }

    private static AccessRule fromAnnotations(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            String name = annotation.annotationType().getName();
            if (name.equals(PACKAGE + "PermitAll")) {
                return PUBLIC;
            }
            if (name.equals(PACKAGE + "DenyAll")) {
                return NOBODY;
            }
            if (name.equals(PACKAGE + "RolesAllowed")) {
                return new AccessRule(false, Set.of(rolesOf(annotation)));
            }
        }
        return null;
    }

    private static String[] rolesOf(Annotation rolesAllowed) {
        try {
            return (String[]) rolesAllowed.annotationType().getMethod("value").invoke(rolesAllowed);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("@RolesAllowed without value()", e);
        }
    }
}
