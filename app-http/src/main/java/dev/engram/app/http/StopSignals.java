package dev.engram.app.http;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;

/**
 * SIGTERM and SIGINT start a graceful stop instead of the JVM's shutdown: shutdown hooks run concurrently, and the
 * embedded store's own hook would close the database under requests that are still finishing. Here the server
 * stops first (in-flight requests complete, their writes committed), then the stores close, then the JVM exits.
 * {@code sun.misc.Signal} (module jdk.unsupported) is reached reflectively so the build has no internal-API warning;
 * where it is missing, a shutdown hook does the same work with that race.
 */
final class StopSignals {
    private StopSignals() {
    }

    static void onStop(Runnable stop) {
        Runnable once = new Runnable() {
            private boolean ran;

            @Override
            public synchronized void run() {
                if (!ran) {
                    ran = true;
                    stop.run();
                }
            }
        };
        try {
            Class<?> signal = Class.forName("sun.misc.Signal");
            Class<?> handler = Class.forName("sun.misc.SignalHandler");
            InvocationHandler call = (proxy, method, args) -> {
                if (method.getName().equals("handle")) {
                    once.run();
                    System.exit(0);
                }
                return null;
            };
            Object instance = Proxy.newProxyInstance(StopSignals.class.getClassLoader(), new Class<?>[] {handler}, call);
            for (String name : new String[] {"TERM", "INT"}) {
                signal.getMethod("handle", signal, handler).invoke(null, signal.getConstructor(String.class).newInstance(name), instance);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            Runtime.getRuntime().addShutdownHook(new Thread(once, "engram-server-shutdown"));
        }
    }
}
