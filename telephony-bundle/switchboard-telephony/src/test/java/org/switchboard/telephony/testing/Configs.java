package org.switchboard.telephony.testing;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;

/** A configuration annotation's instance as DS makes it: the given values, the annotation's defaults for the rest. */
public final class Configs {
    private Configs() {
    }

    public static <A> A of(Class<A> type, Map<String, Object> values) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            String name = method.getName();
            if (values.containsKey(name)) {
                return values.get(name);
            }
            if (name.equals("toString")) {
                return type.getSimpleName();
            }
            Object value = defaultOf(method);
            if (value == null) {
                throw new IllegalStateException(name + " has no default and was not given");
            }
            return value;
        }));
    }

    private static Object defaultOf(Method method) {
        return method.getDefaultValue();
    }
}
