package org.shequ.platform.problem;

import java.util.List;

/** 409: the action is not allowed from the aggregate's current status; the problem lists the ones that are. */
public class IllegalTransitionException extends ProblemException {

    private final List<String> allowed;

    public IllegalTransitionException(String what, String id, String status, String action, List<String> allowed) {
        super(409, "illegal-transition", "Conflict", what + " " + id + " is " + status + "; '" + action
                + "' is not allowed from there" + (allowed.isEmpty() ? " (nothing is)" : "; allowed: "
                + String.join(", ", allowed)), null);
        this.allowed = List.copyOf(allowed);
    }

    @Override
    public List<String> allowed() {
        return allowed;
    }
}
