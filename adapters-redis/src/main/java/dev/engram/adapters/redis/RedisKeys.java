package dev.engram.adapters.redis;

import java.util.Objects;

/**
 * Builds every key the plugin uses, so that the layout lives in one place. All keys of one engram namespace share
 * one hash tag, {@code {prefix:namespace}}, and all keys of one agent in a hot tier share {@code {prefix:namespace:agent}}:
 * in a Redis Cluster a Lua script over several of them stays in one slot.
 *
 * <pre>
 * {engram:default}:t:&lt;id&gt;          trajectory JSON            {engram:default}:idx:time    sorted sets, one per filter
 * {engram:default}:seq             change sequence            {engram:default}:changes     the change feed
 * engram:st:{engram:default:a1}:…  short-term tier of agent a1   engram:it:{…}:…  intermediate tier
 * </pre>
 *
 * A namespace or agent name is escaped ({@code { } : %} become {@code %7B %7D %3A %25}) so that no name can end a
 * hash tag early or run into the next part of a key.
 */
final class RedisKeys {
    private final String prefix;

    public RedisKeys(String prefix) {
        this.prefix = Objects.requireNonNull(prefix, "prefix");
    }

    public String prefix() {
        return prefix;
    }

    /** The set of namespaces that were ever written to ({@code {prefix}:namespaces}). */
    public String namespaces() {
        return "{" + prefix + "}:namespaces";
    }

    /** The keys of one namespace. */
    public Scope namespace(String namespace) {
        return new Scope("{" + prefix + ":" + escape(namespace) + "}");
    }

    /** The namespace-wide keys of one tier (copies by id, tombstones): {@code prefix:tier:{prefix:namespace}}. */
    public Scope tier(String tier, String namespace) {
        return new Scope(prefix + ":" + tier + ":{" + prefix + ":" + escape(namespace) + "}");
    }

    /** The keys of one agent of a namespace in one tier ({@code tier} is a short fixed name such as {@code st}). */
    public Scope agent(String tier, String namespace, String agent) {
        return new Scope(prefix + ":" + tier + ":{" + prefix + ":" + escape(namespace) + ":" + escape(agent) + "}");
    }

    /** Keys that share one hash tag. */
    static final class Scope {
        private final String base;

        Scope(String base) {
            this.base = base;
        }

        /** {@code base:name}. */
        public String key(String name) {
            return base + ":" + name;
        }

        /**
         * {@code base:name:part}. The part needs no escaping: the hash tag is the first {@code {...}} of a key, and
         * whatever follows a fixed {@code name:} is the whole part.
         */
        public String key(String name, String part) {
            return base + ":" + name + ":" + part;
        }

        /** The common start of every key of the scope (for SCAN patterns; {@code *} must be added by the caller). */
        public String base() {
            return base;
        }

        @Override
        public String toString() {
            return base;
        }
    }

    /** Escapes the characters that would change the meaning of a key. */
    public static String escape(String part) {
        Objects.requireNonNull(part, "part");
        StringBuilder out = null;
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            String replacement = switch (c) {
                case '%' -> "%25";
                case '{' -> "%7B";
                case '}' -> "%7D";
                case ':' -> "%3A";
                case '*', '?', '[', ']', '\\' -> "%" + Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT);
                default -> null;
            };
            if (replacement != null && out == null) {
                out = new StringBuilder(part.length() + 8).append(part, 0, i);
            }
            if (out != null) {
                out.append(replacement != null ? replacement : String.valueOf(c));
            }
        }
        return out == null ? part : out.toString();
    }
}
