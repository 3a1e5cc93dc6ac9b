package dev.engram.app.http;

import dev.engram.domain.error.DomainException;
import dev.engram.domain.error.ErrorCode;
import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * A request body as a blocking stream, read on a worker thread while Netty receives it: at most {@link #WINDOW}
 * chunks are asked for ahead of the reader (back-pressure on the client, constant memory whatever the upload's
 * size), and a body over the limit fails the read as {@code too_large} and stops receiving.
 */
final class BodyInput extends InputStream implements Subscriber<ByteBuf> {
    static final int WINDOW = 16;
    private static final byte[] END = new byte[0];

    private final long maxBytes;
    private final long waitMillis;
    private final BlockingQueue<Object> chunks = new ArrayBlockingQueue<>(WINDOW + 2);
    private volatile Subscription subscription;
    private long received;
    private byte[] current = new byte[0];
    private int position;
    private boolean ended;

    /** @param wait how long a read waits for the next chunk before giving up (the read timeout closes slower clients first) */
    BodyInput(long maxBytes, java.time.Duration wait) {
        this.maxBytes = maxBytes;
        this.waitMillis = wait.toMillis();
    }

    static DomainException tooLarge(long maxBytes) {
        return new DomainException(ErrorCode.TOO_LARGE, "the request body is larger than the limit of " + maxBytes
                + " bytes (server.max_body_bytes); send fewer items per request");
    }

    @Override
    public void onSubscribe(Subscription s) {
        subscription = s;
        s.request(WINDOW);
    }

    @Override
    public void onNext(ByteBuf buf) {
        received += buf.readableBytes();
        if (received > maxBytes) {
            subscription.cancel();
            chunks.offer(tooLarge(maxBytes));
            return;
        }
        byte[] copy = new byte[buf.readableBytes()];
        buf.readBytes(copy); // Netty releases the buffer after this returns
        chunks.offer(copy);
    }

    @Override
    public void onError(Throwable t) {
        chunks.offer(t);
    }

    @Override
    public void onComplete() {
        chunks.offer(END);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (position == current.length) {
            if (ended) {
                return -1;
            }
            Object next;
            try {
                next = chunks.poll(waitMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while reading the request body");
            }
            if (next == null) {
                ended = true;
                Subscription s = subscription;
                if (s != null) {
                    s.cancel();
                }
                throw new DomainException(ErrorCode.MALFORMED_JSON, "the request body stopped arriving before its end");
            }
            if (next == END) {
                ended = true;
                return -1;
            }
            if (next instanceof RuntimeException failure) {
                ended = true;
                throw failure;
            }
            if (next instanceof Throwable failure) {
                ended = true;
                throw new DomainException(ErrorCode.MALFORMED_JSON, "the request body could not be read to its end ("
                        + failure.getClass().getSimpleName() + ")");
            }
            current = (byte[]) next;
            position = 0;
            subscription.request(1);
        }
        int n = Math.min(len, current.length - position);
        System.arraycopy(current, position, b, off, n);
        position += n;
        return n;
    }

    @Override
    public void close() {
        Subscription s = subscription;
        if (s != null && !ended) {
            s.cancel();
        }
    }
}
