package org.shequ.platform.problem;

import jakarta.persistence.OptimisticLockException;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hibernate.StaleStateException;
import org.shequ.model.api.FieldError;

/**
 * Recognises, anywhere in an exception's cause chain, the database refusals that are the client's business rather
 * than a fault: a stale optimistic version, a duplicate unique key, a broken foreign key, a value out of its column's
 * range, lock contention. They can
 * arrive raw from a flush inside a service or wrapped twice by the transaction manager at commit; either way the
 * client gets the same 4xx.
 *
 * <p>Unique keys name the field they protect after a double underscore ({@code uq_provider__licence_no} protects
 * {@code licenceNo}; {@code uq_grid__community__name} protects {@code community} and {@code name} together), so the
 * 409 can say which field to change without a table of constraint names per service.
 */
public final class DatabaseConflicts {

    private static final int DUPLICATE_KEY = 1062;
    private static final int NO_REFERENCED_ROW = 1452;
    private static final int ROW_IS_REFERENCED = 1451;
    private static final int LOCK_WAIT_TIMEOUT = 1205;
    private static final int DEADLOCK = 1213;
    private static final int OUT_OF_RANGE = 1264;
    private static final int TOO_LONG = 1406;
    private static final Pattern COLUMN = Pattern.compile("column '(?:[^']*\\.)?([^'.]+)'");
    private static final Pattern KEY_NAME = Pattern.compile("for key '(?:[^']*\\.)?([^'.]+)'");
    private static final Pattern FOREIGN_KEY_COLUMN = Pattern.compile("FOREIGN KEY \\(`([^`]+)`\\)");

    private DatabaseConflicts() {
    }

    /** Whether the failure, anywhere in its cause chain, is a duplicate of a unique or primary key. */
    public static boolean isDuplicateKey(Throwable failure) {
        for (Throwable e = failure; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (e instanceof SQLException sql && sql.getErrorCode() == DUPLICATE_KEY) {
                return true;
            }
        }
        return false;
    }

    static Optional<ProblemException> in(Throwable failure) {
        for (Throwable e = failure; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (e instanceof OptimisticLockException || e instanceof StaleStateException) {
                return Optional.of(new StaleVersionException());
            }
            if (e instanceof SQLException sql) {
                Optional<ProblemException> known = fromSql(sql);
                if (known.isPresent()) {
                    return known;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<ProblemException> fromSql(SQLException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        return switch (e.getErrorCode()) {
            case DUPLICATE_KEY -> Optional.of(new DuplicateException(duplicateFields(message)));
            case NO_REFERENCED_ROW -> Optional.of(BrokenReferenceException.unknownTarget(referenceField(message)));
            case ROW_IS_REFERENCED -> Optional.of(BrokenReferenceException.stillReferenced());
            case LOCK_WAIT_TIMEOUT, DEADLOCK -> Optional.of(new ContentionException());
            // The last net under the DTOs' own bounds: a value its column cannot hold is the client's, never a 500.
            case OUT_OF_RANGE -> Optional.of(InvalidInputException.of(columnField(message), "is out of range"));
            case TOO_LONG -> Optional.of(InvalidInputException.of(columnField(message), "is too long"));
            default -> Optional.empty();
        };
    }

    static List<FieldError> duplicateFields(String message) {
        Matcher key = KEY_NAME.matcher(message);
        if (!key.find() || !key.group(1).contains("__")) {
            return List.of();
        }
        String[] columns = key.group(1).substring(key.group(1).indexOf("__") + 2).split("__");
        return Arrays.stream(columns).map(column -> new FieldError(camel(column), "is taken already")).toList();
    }

    static String referenceField(String message) {
        Matcher column = FOREIGN_KEY_COLUMN.matcher(message);
        return column.find() ? camel(column.group(1)) : "body";
    }

    static String columnField(String message) {
        Matcher column = COLUMN.matcher(message);
        return column.find() ? camel(column.group(1)) : "body";
    }

    static String camel(String column) {
        StringBuilder field = new StringBuilder();
        boolean upper = false;
        for (char c : column.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                field.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return field.toString();
    }
}
