package dev.engram.adapters.sqlite;

import dev.engram.application.port.out.MemoryStore;
import dev.engram.application.port.out.StoredMemory;
import dev.engram.domain.json.JsonObject;
import dev.engram.domain.json.JsonValue;
import dev.engram.json.JsonCodec;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Agents' memory aggregates in the {@code memories} table of the shared file: the JSON state as text and a version
 * that a save must name. The version check and the write are one {@code UPDATE … WHERE version = ?}, which SQLite
 * runs under its write lock, so two writers — threads or processes — never both win.
 */
final class SqliteMemoryStore implements MemoryStore, AutoCloseable {
    /** Aggregates can be large (thousands of rules), so streaming reads few at a time. */
    private static final int STREAM_PAGE = 16;
    private static final String SELECT = "SELECT namespace, agent_id, version, state FROM memories";

    private final SqliteDatabase db;

    SqliteMemoryStore(SqliteDatabase db) {
        this.db = db;
    }

    @Override
    public Mono<StoredMemory> load(String namespace, String agentId) {
        return db.read("read an agent's memory", c -> {
            List<StoredMemory> found = SqlFragment.of(SELECT + " WHERE namespace = ? AND agent_id = ?", namespace, agentId).list(c, this::read);
            return found.isEmpty() ? null : found.get(0);
        });
    }

    @Override
    public Mono<Long> save(String namespace, String agentId, long expectedVersion, JsonObject state) {
        return Mono.fromCallable(() -> JsonCodec.instance().write(state))
                .flatMap(json -> db.write("save an agent's memory", c -> {
                    SqlFragment save = expectedVersion == 0
                            ? SqlFragment.of("INSERT INTO memories (namespace, agent_id, version, state) VALUES (?, ?, 1, ?)"
                                    + " ON CONFLICT (namespace, agent_id) DO NOTHING", namespace, agentId, json)
                            : SqlFragment.of("UPDATE memories SET version = version + 1, state = ?"
                                    + " WHERE namespace = ? AND agent_id = ? AND version = ?", json, namespace, agentId, expectedVersion);
                    return save.update(c) == 1 ? expectedVersion + 1 : null;
                }));
    }

    @Override
    public Mono<Boolean> delete(String namespace, String agentId) {
        return db.write("forget an agent's memory", c ->
                SqlFragment.of("DELETE FROM memories WHERE namespace = ? AND agent_id = ?", namespace, agentId).update(c) > 0);
    }

    @Override
    public Flux<StoredMemory> streamAll(String namespace) {
        return PagedFlux.<StoredMemory, String>of(null, after -> db.read("export memories", c -> {
            SqlFragment select = after == null
                    ? SqlFragment.of(SELECT + " WHERE namespace = ?", namespace)
                    : SqlFragment.of(SELECT + " WHERE namespace = ? AND agent_id > ?", namespace, after);
            List<StoredMemory> page = select.then(" ORDER BY agent_id LIMIT ?", STREAM_PAGE).list(c, this::read);
            return new PagedFlux.Page<>(page, page.size() == STREAM_PAGE ? page.get(page.size() - 1).agentId() : null);
        }));
    }

    private StoredMemory read(ResultSet row) throws SQLException {
        JsonValue state;
        try {
            state = JsonCodec.instance().parse(row.getString("state"));
        } catch (RuntimeException e) {
            throw db.failures().unusable("holds a memory aggregate whose JSON does not parse (" + e.getMessage() + ")");
        }
        if (!(state instanceof JsonObject object)) {
            throw db.failures().unusable("holds a memory aggregate that is not a JSON object");
        }
        return new StoredMemory(row.getString("namespace"), row.getString("agent_id"), row.getLong("version"), object);
    }

    @Override
    public void close() {
        db.close();
    }
}
