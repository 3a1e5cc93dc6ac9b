package dev.engram.adapters.sqlite;

import dev.engram.application.port.out.Change;
import dev.engram.application.query.TrajectoryFilter;
import dev.engram.application.query.TrajectoryPage;
import dev.engram.application.query.TrajectoryQuery;
import dev.engram.application.query.TrajectoryQuery.Order;
import dev.engram.application.port.out.TrajectoryStore;
import dev.engram.application.port.out.UpsertOutcome;
import dev.engram.domain.error.DomainException;
import dev.engram.domain.stats.TimeBucket;
import dev.engram.domain.stats.TrajectoryStatistics;
import dev.engram.domain.trajectory.Trajectory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The trajectories and their change feed in one SQLite file. Each operation is one transaction on the
 * {@link SqliteDatabase}'s writer or readers; see {@link Schema} for the tables and the index each query uses.
 * Closing it closes the file for the {@link SqliteMemoryStore} that shares it too.
 */
final class SqliteTrajectoryStore implements TrajectoryStore, AutoCloseable {
    /** Rows per page when streaming; a page also ends once it holds this many bytes of JSON. */
    private static final int STREAM_PAGE_ROWS = 256;
    private static final long STREAM_PAGE_BYTES = 8L << 20;
    private static final int FEED_PAGE = 1_000;
    private static final String BY_ID = " WHERE t.namespace = ? AND t.trajectory_id = ?";

    private final SqliteDatabase db;

    SqliteTrajectoryStore(SqliteDatabase db) {
        this.db = db;
    }

    @Override
    public Mono<List<UpsertOutcome>> upsert(String namespace, List<Trajectory> batch, boolean atomic) {
        if (batch.isEmpty()) {
            return Mono.just(List.of());
        }
        return Mono.fromCallable(() -> batch.stream().map(TrajectoryUpsert.Prepared::of).toList())
                .subscribeOn(Schedulers.parallel())
                .flatMap(prepared -> db.write("store trajectories", c -> TrajectoryUpsert.run(c, namespace, prepared, atomic)));
    }

    @Override
    public Mono<Trajectory> get(String namespace, String trajectoryId) {
        return db.read("read a trajectory", c -> {
            List<Trajectory> found = SqlFragment.of(TrajectoryColumns.SELECT_STORED + BY_ID, namespace, trajectoryId)
                    .list(c, row -> TrajectoryColumns.read(row, db.failures()));
            return found.isEmpty() ? null : found.get(0);
        });
    }

    @Override
    public Flux<Trajectory> getAll(String namespace, List<String> trajectoryIds) {
        return db.read("read trajectories", c -> {
            List<Trajectory> found = new ArrayList<>();
            try (PreparedStatement find = c.prepareStatement(TrajectoryColumns.SELECT_STORED + BY_ID)) {
                for (String id : trajectoryIds) {
                    SqlFragment.bindAll(find, namespace, id);
                    try (ResultSet row = find.executeQuery()) {
                        if (row.next()) {
                            found.add(TrajectoryColumns.read(row, db.failures()));
                        }
                    }
                }
            }
            return found;
        }).flatMapIterable(list -> list);
    }

    @Override
    public Mono<TrajectoryPage> query(String namespace, TrajectoryQuery query) {
        return db.read("list trajectories", c -> {
            SqlFragment select = SqlFragment.of(TrajectoryColumns.selectStored(PageOrder.indexHint(query.filter(), query.order())))
                    .then(TrajectoryColumns.where(namespace, query.filter()));
            if (query.cursor() != null) {
                select = select.then(PageOrder.after(query.order(), PageOrder.decode(query.order(), query.cursor())));
            }
            List<Trajectory> rows = select.then(PageOrder.orderBy(query.order()) + " LIMIT ?", query.limit() + 1)
                    .list(c, row -> TrajectoryColumns.read(row, db.failures()));
            boolean more = rows.size() > query.limit();
            List<Trajectory> items = more ? rows.subList(0, query.limit()) : rows;
            String next = more ? PageOrder.encode(query.order(), PageOrder.Position.of(items.get(items.size() - 1))) : null;
            return new TrajectoryPage(items, next);
        });
    }

    @Override
    public Mono<Long> count(String namespace, TrajectoryFilter filter) {
        return db.read("count trajectories", c ->
                SqlFragment.of("SELECT count(*) FROM trajectories t").then(TrajectoryColumns.where(namespace, filter)).number(c));
    }

    @Override
    public Mono<TrajectoryStatistics> statistics(String namespace, TrajectoryFilter filter, TimeBucket bucket) {
        return db.read("compute statistics", c -> StatisticsQuery.run(c, TrajectoryColumns.where(namespace, filter), bucket));
    }

    @Override
    public Mono<Set<String>> updateLosses(String namespace, Map<String, Double> losses) {
        for (Map.Entry<String, Double> entry : losses.entrySet()) {
            Double loss = entry.getValue();
            if (loss == null || !Double.isFinite(loss) || loss < 0) {
                return Mono.error(DomainException.invalidArgument("loss", "of " + entry.getKey() + " must be a finite number of at least 0, got " + loss));
            }
        }
        return db.write("update losses", c -> LossUpdate.run(c, namespace, losses));
    }

    @Override
    public Mono<Void> addReplays(String namespace, Map<String, Long> replays) {
        return db.write("count replays", c -> {
            ReplayCounts.add(c, namespace, replays);
            return null;
        }).then();
    }

    @Override
    public Mono<Map<String, Long>> replayCounts(String namespace, Collection<String> trajectoryIds) {
        return db.read("read replay counts", c -> ReplayCounts.of(c, namespace, trajectoryIds));
    }

    @Override
    public Mono<Long> totalReplays(String namespace) {
        return db.read("read replay counts", c -> ReplayCounts.total(c, namespace));
    }

    @Override
    public Mono<Boolean> delete(String namespace, String trajectoryId) {
        return deleteWhere("delete a trajectory", namespace, TrajectoryColumns.where(namespace, TrajectoryFilter.ALL)
                .then(" AND t.trajectory_id = ?", trajectoryId)).map(n -> n > 0);
    }

    @Override
    public Mono<Long> deleteOlderThan(String namespace, Instant cutoff) {
        return deleteWhere("prune trajectories", namespace,
                TrajectoryColumns.where(namespace, new TrajectoryFilter(null, null, null, null, null, cutoff)));
    }

    @Override
    public Mono<Long> deleteAgent(String namespace, String agentId) {
        return deleteWhere("delete an agent's trajectories", namespace, TrajectoryColumns.where(namespace, TrajectoryFilter.agent(agentId)));
    }

    private Mono<Long> deleteWhere(String action, String namespace, SqlFragment where) {
        return db.write(action, c -> TrajectoryDeletion.delete(c, namespace, where));
    }

    @Override
    public Flux<Trajectory> streamAll(String namespace) {
        return PagedFlux.<Trajectory, PageOrder.Position>of(null, after -> db.read("export trajectories", c -> streamPage(c, namespace, after)));
    }

    /** A page of the namespace in (created_at, id) order, after the position (null: from the start). */
    private PagedFlux.Page<Trajectory, PageOrder.Position> streamPage(Connection c, String namespace, PageOrder.Position after) throws SQLException {
        SqlFragment select = SqlFragment.of(TrajectoryColumns.SELECT_STORED).then(TrajectoryColumns.where(namespace, TrajectoryFilter.ALL));
        if (after != null) {
            select = select.then(PageOrder.after(Order.OLDEST_FIRST, after));
        }
        select = select.then(PageOrder.orderBy(Order.OLDEST_FIRST) + " LIMIT ?", STREAM_PAGE_ROWS);
        List<Trajectory> items = new ArrayList<>();
        long bytes = 0;
        boolean cut = false;
        try (PreparedStatement statement = select.prepare(c); ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                if (bytes >= STREAM_PAGE_BYTES) {
                    cut = true;
                    break;
                }
                Trajectory t = TrajectoryColumns.read(row, db.failures());
                bytes += row.getString("body").length();
                items.add(t);
            }
        }
        boolean more = cut || items.size() == STREAM_PAGE_ROWS;
        return new PagedFlux.Page<>(items, more ? PageOrder.Position.of(items.get(items.size() - 1)) : null);
    }

    @Override
    public Flux<Change> changesSince(String namespace, long afterSequence, int limit) {
        return feed(namespace, null, afterSequence, limit);
    }

    @Override
    public Flux<Change> insertsOfAgentSince(String namespace, String agentId, long afterSequence, int limit) {
        return feed(namespace, agentId, afterSequence, limit);
    }

    /** Where a feed read goes on from: the last sequence read and how many changes are still wanted. */
    private record FeedKey(long after, long wanted) {
    }

    /** A feed read in pages of at most {@value #FEED_PAGE}, up to the limit. */
    private Flux<Change> feed(String namespace, String agentInserts, long afterSequence, int limit) {
        if (limit <= 0) {
            return Flux.empty();
        }
        return PagedFlux.<Change, FeedKey>of(new FeedKey(afterSequence, limit), key -> db.read("read the change feed", c -> {
            int size = (int) Math.min(FEED_PAGE, key.wanted());
            List<Change> page = ChangeFeed.page(c, namespace, agentInserts, key.after(), size);
            long left = key.wanted() - page.size();
            boolean more = page.size() == size && left > 0;
            return new PagedFlux.Page<>(page, more ? new FeedKey(page.get(page.size() - 1).sequence(), left) : null);
        }));
    }

    @Override
    public Mono<Long> lastSequence(String namespace) {
        return db.read("read the change feed", c -> ChangeFeed.last(c, namespace));
    }

    @Override
    public Flux<String> namespaces() {
        // a loose index scan: one index seek per namespace instead of a pass over every row
        return db.read("list namespaces", c -> SqlFragment.of("WITH RECURSIVE spaces (name) AS ("
                + " SELECT min(namespace) FROM trajectories"
                + " UNION ALL SELECT (SELECT min(namespace) FROM trajectories WHERE namespace > name) FROM spaces WHERE name IS NOT NULL)"
                + " SELECT name FROM spaces WHERE name IS NOT NULL").list(c, row -> row.getString(1)))
                .flatMapIterable(list -> list);
    }

    @Override
    public void close() {
        db.close();
    }
}
