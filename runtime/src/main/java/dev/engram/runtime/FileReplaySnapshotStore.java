package dev.engram.runtime;

import dev.engram.application.port.out.ReplaySnapshotStore;
import dev.engram.domain.error.DomainException;
import dev.engram.domain.error.ErrorCode;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Replay snapshots as files under {@code <data_dir>/replay/<namespace>.snapshot}: the change sequence, then the
 * index bytes. Written to a temporary file and moved into place atomically, so a reader sees the old snapshot or
 * the new one; a snapshot is a cache, so an unreadable one is reported and ignored by the caller.
 * Nothing is created while the data directory itself does not exist (read commands must not create it).
 */
final class FileReplaySnapshotStore implements ReplaySnapshotStore {
    private final Path dataDir;
    private final Path dir;

    FileReplaySnapshotStore(Path dataDir) {
        this.dataDir = dataDir;
        this.dir = dataDir.resolve("replay");
    }

    private Path file(String namespace) {
        // namespaces are [A-Za-z0-9._:-]; ':' is not allowed in Windows file names, so it is mapped
        return dir.resolve(namespace.replace(':', '+') + ".snapshot");
    }

    @Override
    public Mono<Snapshot> load(String namespace) {
        return Mono.fromCallable(() -> {
            try (InputStream in = Files.newInputStream(file(namespace)); DataInputStream data = new DataInputStream(in)) {
                long sequence = data.readLong();
                return new Snapshot(sequence, data.readAllBytes());
            } catch (NoSuchFileException e) {
                return null;
            } catch (IOException e) {
                throw new DomainException(ErrorCode.BACKEND_UNAVAILABLE, "cannot read the replay snapshot " + file(namespace) + ": " + e.getMessage());
            }
        }).subscribeOn(Schedulers.boundedElastic());
    }

    @Override
    public Mono<Void> save(String namespace, Snapshot snapshot) {
        return Mono.<Void>fromRunnable(() -> {
            if (!Files.isDirectory(dataDir)) {
                return;
            }
            Path target = file(namespace);
            try {
                Files.createDirectories(dir);
                Path temporary = Files.createTempFile(dir, namespace.replace(':', '+'), ".tmp");
                try (OutputStream out = Files.newOutputStream(temporary); DataOutputStream data = new DataOutputStream(out)) {
                    data.writeLong(snapshot.sequence());
                    data.write(snapshot.bytes());
                }
                try {
                    Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException e) {
                throw new DomainException(ErrorCode.BACKEND_UNAVAILABLE, "cannot write the replay snapshot " + target + ": " + e.getMessage());
            }
        }).subscribeOn(Schedulers.boundedElastic());
    }
}
