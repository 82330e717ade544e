package org.switchboard.camel.runtime;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.engine.DefaultClassResolver;

/**
 * Camel's class resolver, asking the given class loader (this bundle's: Camel and every embedded
 * component) before the thread context class loader.
 *
 * <p>Camel's default asks the thread context class loader first. Other bundles call into the
 * context on their own threads (a ProducerTemplate, a component service registered from their
 * activator), whose context class loader may hold another copy of a Camel class: Camel then finds
 * e.g. {@code SedaComponent} there and refuses it ("Type is not a Component implementation").
 * Classes of other bundles are not looked up by name here; they hand Camel objects or classes.
 */
final class BundleFirstClassResolver extends DefaultClassResolver {

    BundleFirstClassResolver(CamelContext context) {
        super(context);
    }

    @Override
    protected Class<?> loadClass(String name, ClassLoader loader) {
        if (loader != null) {
            try {
                return loader.loadClass(name);
            } catch (ClassNotFoundException | LinkageError notThere) {
                // primitive and array names, or a class only the context class loader has
            }
        }
        return super.loadClass(name, loader);
    }
}
