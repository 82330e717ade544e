package org.switchboard.web.openapi;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import javax.ws.rs.HttpMethod;
import javax.ws.rs.Path;
import org.switchboard.web.security.AccessRule;

/**
 * One operation a resource class serves, read from its JAX-RS annotations: what the OpenAPI
 * document must describe.
 *
 * @param method lower-case HTTP method, as OpenAPI writes it ({@code get}, {@code post}, …)
 * @param path   the path template below the API's base, e.g. {@code /interactions/{id}}
 * @param access who may call it
 */
public record ResourceOperation(String method, String path, AccessRule access) {

    public static List<ResourceOperation> of(Class<?> resourceClass) {
        Path classPath = resourceClass.getAnnotation(Path.class);
        List<ResourceOperation> operations = new ArrayList<>();
        for (Method method : resourceClass.getMethods()) {
            String httpMethod = httpMethod(method);
            if (httpMethod == null) {
                continue;
            }
            Path methodPath = method.getAnnotation(Path.class);
            String path = join(classPath == null ? "" : classPath.value(), methodPath == null ? "" : methodPath.value());
            operations.add(new ResourceOperation(httpMethod.toLowerCase(Locale.ROOT), path,
                    AccessRule.of(resourceClass, method)));
        }
        operations.sort(Comparator.comparing(ResourceOperation::path).thenComparing(ResourceOperation::method));
        return operations;
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    /** Joins two {@code @Path} values the way OpenAPI writes them: one slash between, regexes dropped. */
    static String join(String classPath, String methodPath) {
        String joined = ("/" + classPath + "/" + methodPath)
                .replaceAll("\\{\\s*(\\w+)\\s*:[^}]*}", "{$1}")
                .replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }
}
