package dev.engram.domain.replay;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Streams over a caller's {@link DataOutput} / {@link DataInput}, so the codec can put a checksum filter between the
 * two whatever the caller writes to (a file, a socket, a byte array).
 */
final class SnapshotStreams {

    private SnapshotStreams() {
    }

    static OutputStream over(DataOutput out) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                out.write(b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                out.write(bytes, offset, length);
            }
        };
    }

    static InputStream over(DataInput in) {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                try {
                    return in.readUnsignedByte();
                } catch (EOFException end) {
                    return -1;
                }
            }

            @Override
            public int read(byte[] bytes, int offset, int length) throws IOException {
                in.readFully(bytes, offset, length);
                return length;
            }
        };
    }
}
