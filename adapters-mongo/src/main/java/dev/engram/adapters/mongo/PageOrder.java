package dev.engram.adapters.mongo;

import dev.engram.application.query.TrajectoryQuery;
import dev.engram.domain.error.DomainException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * The sort keys of each order and the range condition that starts a page after a cursor: a cursor holds the sort
 * keys of the last item returned, and the next page is {@code key > last} in the order's sense (a range over the
 * index, never a skip). Every order ends in the trajectory id, so it is total and no item is skipped or repeated.
 *
 * <pre>
 * NEWEST_FIRST  t desc, tid desc
 * OLDEST_FIRST  t asc,  tid asc
 * REWARD_DESC   reward desc, t desc, tid desc
 * REWARD_ASC    reward asc,  t desc, tid desc
 * </pre>
 */
record PageOrder(List<String> keys, List<Integer> directions) {

    static PageOrder of(TrajectoryQuery.Order order) {
        return switch (order) {
            case NEWEST_FIRST -> new PageOrder(List.of("t", "tid"), List.of(-1, -1));
            case OLDEST_FIRST -> new PageOrder(List.of("t", "tid"), List.of(1, 1));
            case REWARD_DESC -> new PageOrder(List.of("reward", "t", "tid"), List.of(-1, -1, -1));
            case REWARD_ASC -> new PageOrder(List.of("reward", "t", "tid"), List.of(1, -1, -1));
        };
    }

    BsonDocument sort() {
        BsonDocument sort = new BsonDocument();
        for (int i = 0; i < keys.size(); i++) {
            sort.append(keys.get(i), new BsonInt32(directions.get(i)));
        }
        return sort;
    }

    /** What comes after the position: {@code k0 > v0, or k0 = v0 and k1 > v1, or ...} ({@code >} in the key's direction). */
    BsonDocument after(Position position) {
        BsonArray or = new BsonArray();
        for (int i = 0; i < keys.size(); i++) {
            BsonDocument branch = new BsonDocument();
            for (int j = 0; j < i; j++) {
                branch.append(keys.get(j), position.value(keys.get(j)));
            }
            branch.append(keys.get(i), new BsonDocument(directions.get(i) < 0 ? "$lt" : "$gt", position.value(keys.get(i))));
            or.add(branch);
        }
        return new BsonDocument("$or", or);
    }

    /** The sort keys of one item; as a cursor: {@code base64url("m1|t|reward|tid")}. */
    record Position(String time, double reward, String trajectoryId) {
        static Position of(BsonDocument doc) {
            return new Position(doc.getString("t").getValue(), doc.getNumber("reward").doubleValue(), doc.getString("tid").getValue());
        }

        BsonValue value(String key) {
            return switch (key) {
                case "t" -> new BsonString(time);
                case "reward" -> new BsonDouble(reward);
                case "tid" -> new BsonString(trajectoryId);
                default -> throw new IllegalArgumentException(key);
            };
        }

        String encode() {
            String raw = "m1|" + time + "|" + Double.toString(reward) + "|" + trajectoryId;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        static Position decode(String cursor) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", 4);
                if (parts.length != 4 || !parts[0].equals("m1") || parts[3].isEmpty()) {
                    throw new IllegalArgumentException("not a cursor");
                }
                TrajectoryDocuments.time(parts[1]); // checks the time code
                return new Position(parts[1], Double.parseDouble(parts[2]), parts[3]);
            } catch (RuntimeException e) {
                throw DomainException.invalidArgument("cursor", "is not a cursor this store made");
            }
        }
    }

}
