package dev.engram.domain.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.engram.domain.error.DomainException;
import dev.engram.domain.error.ErrorCode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ReplaySnapshotCodecTest {

    private final ReplayConfig config = ReplayConfig.defaults().withCapacity(500)
            .withEviction(EvictionPolicy.OLDEST).withEpsilon(1e-4).withWeightingCacheSize(3);

    @Test
    void aSnapshotRestoresTheSameIndex() throws IOException {
        ReplayIndex index = new ReplayIndex(config);
        ReplayFixtures.population().forEach(index::add);
        index.add(ReplayFixtures.item("unknown-loss", 5000, null));
        index.sample(SampleRequest.of(300, ReplayStrategy.PRIORITIZED).withReplacement(true), ReplayFixtures.random(1));
        index.remove("item-10");

        ReplaySnapshot snapshot = read(write(index, 1234L));

        assertThat(snapshot.changeSequence()).isEqualTo(1234L);
        ReplayIndex restored = snapshot.index();
        assertThat(restored.config()).isEqualTo(config);
        assertThat(entries(restored)).isEqualTo(entries(index));
        assertThat(restored.stats()).isEqualTo(index.stats());
        SampleRequest request = SampleRequest.of(100, ReplayStrategy.MIXED).withReplacement(true);
        assertThat(restored.sample(request, ReplayFixtures.random(2)))
                .isEqualTo(ReplayIndex.restore(config, entries(index)).sample(request, ReplayFixtures.random(2)));
    }

    @Test
    void anEmptyIndexRoundTrips() throws IOException {
        ReplaySnapshot snapshot = read(write(new ReplayIndex(config), 0));
        assertThat(snapshot.index().size()).isZero();
        assertThat(snapshot.index().config()).isEqualTo(config);
    }

    @Test
    void everyFlippedByteIsRefused() throws IOException {
        ReplayIndex index = new ReplayIndex(config);
        ReplayFixtures.population().subList(0, 5).forEach(index::add);
        byte[] bytes = write(index, 77);
        for (int position = 0; position < bytes.length; position++) {
            byte[] corrupt = bytes.clone();
            corrupt[position] ^= 0x5A;
            assertRefused(corrupt, "");
        }
    }

    @Test
    void aTruncatedSnapshotIsRefused() throws IOException {
        ReplayIndex index = new ReplayIndex(config);
        ReplayFixtures.population().forEach(index::add);
        byte[] bytes = write(index, 1);
        for (int length : new int[] {0, 7, 12, 40, bytes.length / 2, bytes.length - 1}) {
            assertRefused(Arrays.copyOf(bytes, length), "");
        }
    }

    @Test
    void somethingElseIsRefusedAsNotASnapshot() {
        assertRefused("{\"items\": []}".getBytes(java.nio.charset.StandardCharsets.UTF_8), "not an engram replay");
    }

    @Test
    void aNewerFormatIsRefusedSayingSo() throws IOException {
        byte[] bytes = write(new ReplayIndex(config), 1);
        ByteBuffer.wrap(bytes).putInt(8, ReplaySnapshotCodec.VERSION + 1);
        assertRefused(bytes, "newer than this engram reads");
    }

    @Test
    void aWellFormedSnapshotOfImpossibleEntriesIsRefused() throws IOException {
        ReplayIndex index = new ReplayIndex(config.withCapacity(60));
        ReplayFixtures.population().forEach(index::add);
        byte[] bytes = write(index, 1);
        // rewrite the capacity to 10 and fix the checksum: the content is consistent but cannot be restored
        ByteBuffer.wrap(bytes).putInt(20, 10);
        java.util.zip.CRC32C checksum = new java.util.zip.CRC32C();
        checksum.update(bytes, 0, bytes.length - 4);
        ByteBuffer.wrap(bytes).putInt(bytes.length - 4, (int) checksum.getValue());
        assertRefused(bytes, "capacity");
    }

    private static void assertRefused(byte[] bytes, String messagePart) {
        assertThatThrownBy(() -> read(bytes)).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.BACKEND_UNAVAILABLE);
            assertThat(e.field()).isEqualTo("snapshot");
            assertThat(e.getMessage()).startsWith("replay snapshot ").contains(messagePart);
        });
    }

    private static List<ReplayEntry> entries(ReplayIndex index) {
        return index.entries().collect(Collectors.toList());
    }

    private static byte[] write(ReplayIndex index, long changeSequence) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ReplaySnapshotCodec.write(index, changeSequence, new DataOutputStream(bytes));
        return bytes.toByteArray();
    }

    private static ReplaySnapshot read(byte[] bytes) throws IOException {
        return ReplaySnapshotCodec.read(new DataInputStream(new ByteArrayInputStream(bytes)));
    }
}
