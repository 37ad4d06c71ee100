package org.shequ.platform.problem;

/** 412: the client's {@code If-Match} names a version that someone else has already changed. */
public class StaleVersionException extends ProblemException {

    public StaleVersionException(String what, String id) {
        super(412, "stale-version", "Precondition failed",
                what + " " + id + " was changed by someone else; GET it again and retry with the new ETag", null);
    }

    /** Found by the database at flush or commit, where the resource's name is no longer at hand. */
    public StaleVersionException() {
        super(412, "stale-version", "Precondition failed",
                "Someone else changed this resource meanwhile; GET it again and retry with the new ETag", null);
    }
}
