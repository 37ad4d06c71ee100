package org.shequ.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.transaction.RollbackException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.List;
import org.hibernate.exception.ConstraintViolationException;
import org.junit.jupiter.api.Test;
import org.shequ.model.api.FieldError;

/** How database refusals become problems, for the message shapes of MariaDB 11.4 and MySQL 8.4. */
class DatabaseConflictsTest {

    @Test
    void duplicateKeyNamesTheFieldsAfterTheDoubleUnderscore() {
        assertEquals(List.of(new FieldError("licenceNo", "is taken already")),
                DatabaseConflicts.duplicateFields("Duplicate entry 'JY123' for key 'uq_provider__licence_no'"));
        // MySQL 8 qualifies the key with the table.
        assertEquals(List.of(new FieldError("community", "is taken already"), new FieldError("name", "is taken already")),
                DatabaseConflicts.duplicateFields("Duplicate entry 'x-y' for key 'grid.uq_grid__community__name'"));
        assertEquals(List.of(), DatabaseConflicts.duplicateFields("Duplicate entry '1' for key 'PRIMARY'"));
    }

    @Test
    void brokenReferenceNamesTheColumnAsAField() {
        assertEquals("parentId", DatabaseConflicts.referenceField("Cannot add or update a child row: a foreign key "
                + "constraint fails (`db`.`probe`, CONSTRAINT `fk_probe_parent` FOREIGN KEY (`parent_id`) REFERENCES "
                + "`probe_parent` (`id`))"));
    }

    @Test
    void aDuplicateWrappedTwiceByTheTransactionManagerIsStillA409() {
        var sql = new SQLIntegrityConstraintViolationException("Duplicate entry 'P-1' for key 'uq_probe__code'",
                "23000", 1062);
        var hibernate = new ConstraintViolationException("could not execute statement", sql, "uq_probe__code");
        var commit = new RuntimeException(new RollbackException("ARJUNA016053: Could not commit transaction."));
        commit.getCause().initCause(hibernate);
        ProblemException problem = DatabaseConflicts.in(commit).orElseThrow();
        assertInstanceOf(DuplicateException.class, problem);
        assertEquals(409, problem.status());
        assertEquals("code", problem.errors().get(0).field());
    }

    @Test
    void deadlockAndLockWaitTimeoutAskTheClientToRetry() {
        for (int code : new int[] {1205, 1213}) {
            var problem = DatabaseConflicts.in(new java.sql.SQLTransactionRollbackException("x", "40001", code));
            assertTrue(problem.orElseThrow() instanceof ContentionException);
            assertEquals(503, problem.get().status());
        }
    }

    @Test
    void aValueItsColumnCannotHoldIsA400NamingTheField() {
        var outOfRange = DatabaseConflicts.in(new RuntimeException(new java.sql.SQLDataException(
                "Data truncation: Out of range value for column 'floor_area_m2' at row 1", "22003", 1264)));
        assertEquals(400, outOfRange.orElseThrow().status());
        assertEquals(List.of(new FieldError("floorAreaM2", "is out of range")), outOfRange.get().errors());
        var tooLong = DatabaseConflicts.in(new java.sql.SQLDataException(
                "Data too long for column 'db.probe.name' at row 1", "22001", 1406));
        assertEquals(List.of(new FieldError("name", "is too long")), tooLong.orElseThrow().errors());
    }

    @Test
    void anUnrelatedFailureIsNotAConflict() {
        assertTrue(DatabaseConflicts.in(new IllegalStateException(new java.sql.SQLException("gone", "08S01", 0)))
                .isEmpty());
    }
}
