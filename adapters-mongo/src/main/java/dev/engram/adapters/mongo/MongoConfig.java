package dev.engram.adapters.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.ReadPreference;
import com.mongodb.WriteConcern;
import dev.engram.application.config.ConfigSection;
import dev.engram.domain.error.DomainException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The settings of the {@code mongo} plugin ({@code mongo.*} in the configuration).
 *
 * <pre>
 * mongo:
 *   uri: mongodb://localhost:27017     # any MongoDB connection string: user:password@, ?tls=true, ?replicaSet=rs0,
 *                                      # mongodb+srv://, authSource, ... (the driver reads them all)
 *   database: engram                   # overrides the database of the URI
 *   collection_prefix: engram          # collections {prefix}_trajectories, _changes, _memory, _meta
 *   write_concern: majority            # majority (default), w1, or a number of members; the URI's w= if not given here
 *   statistics_read_preference: primary  # where statistics aggregations read: primary, primaryPreferred,
 *                                      # secondary, secondaryPreferred, nearest (everything else reads the primary)
 *   connect_timeout: 10s               # connecting and selecting a server
 *   command_timeout: 30s               # one command's socket read before it counts as "backend unavailable"
 *   ttl: none                          # a duration: also a TTL index on created_at (real MongoDB only; see README)
 * </pre>
 *
 * @param uri                      the connection string (checked by the driver's parser here, not on first use)
 * @param database                 the database
 * @param collectionPrefix         the first part of every collection name
 * @param writeConcern             the write concern of every write
 * @param statisticsReadPreference the read preference of statistics
 * @param connectTimeout           connect and server selection timeout
 * @param commandTimeout           socket read timeout of one command
 * @param ttl                      the TTL index's expiry; {@code null}: none
 */
public record MongoConfig(String uri, String database, String collectionPrefix, WriteConcern writeConcern,
                          ReadPreference statisticsReadPreference, Duration connectTimeout, Duration commandTimeout, Duration ttl) {
    public static final String DEFAULT_URI = "mongodb://localhost:27017";
    public static final String DEFAULT_DATABASE = "engram";
    public static final String DEFAULT_PREFIX = "engram";
    static final Set<String> KEYS = Set.of("uri", "database", "collection_prefix", "write_concern", "statistics_read_preference",
            "connect_timeout", "command_timeout", "ttl");

    public MongoConfig {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(collectionPrefix, "collectionPrefix");
        Objects.requireNonNull(writeConcern, "writeConcern");
        Objects.requireNonNull(statisticsReadPreference, "statisticsReadPreference");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(commandTimeout, "commandTimeout");
        connectionString(uri);
        if (database.isEmpty() || !database.matches("[A-Za-z0-9_-]{1,63}")) {
            throw DomainException.invalidArgument("mongo.database", "must be 1-63 letters, digits, _ or -, got '" + database + "'");
        }
        if (collectionPrefix.isEmpty() || !collectionPrefix.matches("[A-Za-z0-9_-]{1,40}")) {
            throw DomainException.invalidArgument("mongo.collection_prefix", "must be 1-40 letters, digits, _ or -, got '" + collectionPrefix + "'");
        }
        positive("mongo.connect_timeout", connectTimeout);
        positive("mongo.command_timeout", commandTimeout);
        if (ttl != null) {
            positive("mongo.ttl", ttl);
        }
    }

    static ConnectionString connectionString(String uri) {
        if (uri.isBlank()) {
            throw DomainException.invalidArgument("mongo.uri", "must be a MongoDB connection string like mongodb://localhost:27017, got an empty value");
        }
        try {
            return new ConnectionString(uri);
        } catch (IllegalArgumentException e) {
            // the driver's message never repeats the password
            throw DomainException.invalidArgument("mongo.uri", "is not a MongoDB connection string: " + e.getMessage());
        }
    }

    private static void positive(String key, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw DomainException.invalidArgument(key, "must be a positive duration, got " + value);
        }
    }

    /** Reads the plugin's section; unknown keys and bad values are refused with the key named. */
    public static MongoConfig from(ConfigSection section) {
        section.refuseUnknown(KEYS);
        String uri = section.string("uri", DEFAULT_URI).trim();
        ConnectionString parsed = connectionString(uri);
        String database = section.string("database", parsed.getDatabase() == null ? DEFAULT_DATABASE : parsed.getDatabase()).trim();
        WriteConcern fromUri = parsed.getWriteConcern();
        String concern = section.string("write_concern", null);
        WriteConcern writeConcern = concern == null ? (fromUri == null ? WriteConcern.MAJORITY : fromUri) : writeConcern(section, concern.trim());
        String preference = section.string("statistics_read_preference", "primary").trim();
        ReadPreference readPreference;
        try {
            readPreference = ReadPreference.valueOf(preference);
        } catch (IllegalArgumentException e) {
            throw section.bad("statistics_read_preference",
                    "must be primary, primaryPreferred, secondary, secondaryPreferred or nearest, got '" + preference + "'");
        }
        String ttl = section.string("ttl", "none").trim();
        return new MongoConfig(uri, database, section.string("collection_prefix", DEFAULT_PREFIX).trim(), writeConcern, readPreference,
                section.duration("connect_timeout", Duration.ofSeconds(10)), section.duration("command_timeout", Duration.ofSeconds(30)),
                ttl.isEmpty() || ttl.equalsIgnoreCase("none") ? null : section.duration("ttl", null));
    }

    private static WriteConcern writeConcern(ConfigSection section, String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.equals("majority")) {
            return WriteConcern.MAJORITY;
        }
        String number = lower.startsWith("w") ? lower.substring(1) : lower;
        if (number.matches("[1-9][0-9]?")) {
            return new WriteConcern(Integer.parseInt(number));
        }
        throw section.bad("write_concern", "must be majority, w1 or a number of members from 1 to 99, got '" + text + "'");
    }

    /** The defaults for a server at {@code uri} (tests, tools). */
    public static MongoConfig of(String uri, String database) {
        return new MongoConfig(uri, database, DEFAULT_PREFIX, WriteConcern.MAJORITY, ReadPreference.primary(),
                Duration.ofSeconds(10), Duration.ofSeconds(30), null);
    }

    /** The same settings with other timeouts (tests). */
    public MongoConfig withTimeouts(Duration connect, Duration command) {
        return new MongoConfig(uri, database, collectionPrefix, writeConcern, statisticsReadPreference, connect, command, ttl);
    }

    /** The connection string with its password masked, for messages. */
    String redactedUri() {
        return uri.replaceAll("(mongodb(?:\\+srv)?://[^:/@]*:)[^@]*@", "$1****@");
    }
}
