package dev.engram.adapters.sqlite;

import dev.engram.domain.error.DomainException;
import dev.engram.domain.error.ErrorCode;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Turns driver failures into what a user can act on: {@code backend_unavailable} naming the file and what is wrong
 * with it. The driver's own text (with its bracketed codes) is kept as the cause for logs, never shown as the message.
 */
final class SqliteFailures {
    private final Path path;
    private final Duration busyTimeout;

    SqliteFailures(Path path, Duration busyTimeout) {
        this.path = path;
        this.busyTimeout = busyTimeout;
    }

    Path path() {
        return path;
    }

    /** A failure of the file itself, found by engram rather than by the driver. */
    DomainException unusable(String what) {
        return new DomainException(ErrorCode.BACKEND_UNAVAILABLE, "the engram database " + path + " " + what);
    }

    /** Maps anything a store operation failed with; domain failures and bugs pass through unchanged. */
    Throwable map(Throwable failure, String action) {
        if (failure instanceof DomainException) {
            return failure;
        }
        if (failure instanceof SQLException sql) {
            return translate(sql, action);
        }
        if (failure instanceof RejectedExecutionException) {
            return withCause(new DomainException(ErrorCode.BACKEND_UNAVAILABLE,
                    "cannot " + action + ": the store of " + path + " is closed"), failure);
        }
        return failure;
    }

    DomainException translate(SQLException failure, String action) {
        return withCause(new DomainException(ErrorCode.BACKEND_UNAVAILABLE, "cannot " + action + ": " + describe(failure)), failure);
    }

    private String describe(SQLException failure) {
        int primary = failure instanceof SQLiteException sqlite ? sqlite.getResultCode().code & 0xff : -1;
        if (primary == SQLiteErrorCode.SQLITE_BUSY.code || primary == SQLiteErrorCode.SQLITE_LOCKED.code) {
            return path + " is locked by another process; gave up after waiting " + busyTimeout.toMillis() + " ms (sqlite.busy_timeout)";
        }
        if (primary == SQLiteErrorCode.SQLITE_READONLY.code) {
            return path + " is read-only (check the permissions of the file and of its folder)";
        }
        if (primary == SQLiteErrorCode.SQLITE_CORRUPT.code || primary == SQLiteErrorCode.SQLITE_NOTADB.code) {
            return path + " is corrupt; engram leaves it as it is: restore it from a backup or an export";
        }
        if (primary == SQLiteErrorCode.SQLITE_FULL.code) {
            return "the disk holding " + path + " is full";
        }
        if (primary == SQLiteErrorCode.SQLITE_CANTOPEN.code || primary == SQLiteErrorCode.SQLITE_PERM.code
                || primary == SQLiteErrorCode.SQLITE_IOERR.code) {
            return "cannot read or write " + path + " (" + codeName(failure) + ")";
        }
        if (primary < 0) {
            return "the connection to " + path + " failed (" + firstLine(failure.getMessage()) + ")";
        }
        return "SQLite failed on " + path + " (" + codeName(failure) + ")";
    }

    private static String codeName(SQLException failure) {
        SQLiteErrorCode code = ((SQLiteException) failure).getResultCode();
        return code.name() + ": " + code.message;
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "no detail";
        }
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }

    private static DomainException withCause(DomainException exception, Throwable cause) {
        exception.initCause(cause);
        return exception;
    }
}
