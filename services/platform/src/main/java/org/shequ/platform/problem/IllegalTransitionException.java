package org.shequ.platform.problem;

/** 409: the action is not allowed from the aggregate's current status. */
public class IllegalTransitionException extends ProblemException {

    public IllegalTransitionException(String what, String id, String status, String action) {
        super(409, "illegal-transition", "Conflict",
                what + " " + id + " is " + status + "; '" + action + "' is not allowed from there", null);
    }
}
