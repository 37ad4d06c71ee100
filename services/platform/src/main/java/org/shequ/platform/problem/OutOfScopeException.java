package org.shequ.platform.problem;

/**
 * 403 for a caller whose role may do the action, but not on this object: a grid worker on another grid's task, a
 * community admin outside their community, a subscriber on another's subscription.
 */
public class OutOfScopeException extends ProblemException {

    public OutOfScopeException(String detail) {
        super(403, "out-of-scope", "Forbidden", detail, null);
    }
}
