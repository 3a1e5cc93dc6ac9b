package dev.engram.app.cli;

/**
 * The command's log backend (slf4j-simple) is set up before anything logs: warnings on standard error, short and
 * without timestamps, since a person reads them beside the command's own messages; everything with {@code --debug}.
 */
final class Logging {
    private Logging() {
    }

    static void configure(boolean debug) {
        set("org.slf4j.simpleLogger.logFile", "System.err");
        set("org.slf4j.simpleLogger.defaultLogLevel", debug ? "debug" : "warn");
        set("org.slf4j.simpleLogger.showThreadName", String.valueOf(debug));
        set("org.slf4j.simpleLogger.showDateTime", String.valueOf(debug));
        set("org.slf4j.simpleLogger.showShortLogName", "true");
        set("org.slf4j.simpleLogger.levelInBrackets", "false");
    }

    private static void set(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
