package dev.sequencer.bench;

import java.io.IOException;
import java.io.InputStream;

/**
 * Defines the classes of one package itself (cold: loaded, verified and initialised anew) and delegates everything
 * else to its parent, so that B1 measures the registry's own class loading and initialisation with the runtime
 * already loaded, as in an application that has started.
 */
final class IsolatingLoader extends ClassLoader {

    private final String prefix;

    IsolatingLoader(String packageName, ClassLoader parent) {
        super(parent);
        this.prefix = packageName + ".";
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!name.startsWith(prefix)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                    if (in == null) {
                        throw new ClassNotFoundException(name);
                    }
                    byte[] bytes = in.readAllBytes();
                    c = defineClass(name, bytes, 0, bytes.length);
                } catch (IOException e) {
                    throw new ClassNotFoundException(name, e);
                }
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }
}
