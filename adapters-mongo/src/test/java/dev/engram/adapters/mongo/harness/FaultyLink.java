package dev.engram.adapters.mongo.harness;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP relay between a client and a server on loopback that a test can cut: {@link #cutAfterMessages} lets that
 * many more MongoDB wire messages (client to server, counted by their length headers) through, then drops every
 * connection and refuses new ones until {@link #restore()}. The server keeps its data — so a test can cut a batch
 * in the middle and retry it against the same data.
 */
public final class FaultyLink implements AutoCloseable {
    private final ServerSocket listener;
    private final InetSocketAddress target;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final AtomicLong budget = new AtomicLong(Long.MAX_VALUE);
    private final AtomicInteger forwarded = new AtomicInteger();
    private volatile boolean cut;
    private volatile boolean closed;

    public FaultyLink(String host, int port) throws IOException {
        this.target = new InetSocketAddress(host, port);
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "faulty-link-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** {@code mongodb://127.0.0.1:port} of the relay. */
    public String uri() {
        return "mongodb://127.0.0.1:" + listener.getLocalPort() + "/?directConnection=true";
    }

    /** Lets {@code messages} more client messages through, then cuts. */
    public void cutAfterMessages(long messages) {
        budget.set(messages);
    }

    /** Cuts now. */
    public void cut() {
        cut = true;
        budget.set(0);
        for (Socket socket : open) {
            closeQuietly(socket);
        }
    }

    /** Lets everything through again. */
    public void restore() {
        budget.set(Long.MAX_VALUE);
        cut = false;
    }

    /** How many client messages went through in all. */
    public int forwarded() {
        return forwarded.get();
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                if (cut) {
                    closeQuietly(client);
                    continue;
                }
                Socket server = new Socket();
                server.connect(target, 5_000);
                open.add(client);
                open.add(server);
                pump(client, server, true);
                pump(server, client, false);
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    private void pump(Socket from, Socket to, boolean counted) {
        Thread thread = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                if (!counted) {
                    in.transferTo(out);
                    return;
                }
                byte[] header = new byte[4];
                while (true) {
                    if (in.readNBytes(header, 0, 4) < 4) {
                        return;
                    }
                    int length = (header[0] & 0xff) | (header[1] & 0xff) << 8 | (header[2] & 0xff) << 16 | (header[3] & 0xff) << 24;
                    byte[] rest = in.readNBytes(length - 4);
                    if (budget.getAndDecrement() <= 0) {
                        cut();
                        return;
                    }
                    out.write(header);
                    out.write(rest);
                    out.flush();
                    forwarded.incrementAndGet();
                }
            } catch (IOException e) {
                // a side went away: the other follows
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        }, "faulty-link-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        listener.close();
        for (Socket socket : open) {
            closeQuietly(socket);
        }
    }
}
