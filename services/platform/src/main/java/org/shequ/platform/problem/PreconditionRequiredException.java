package org.shequ.platform.problem;

/** 428: a change to an existing resource must name the version it was based on ({@code If-Match}). */
public class PreconditionRequiredException extends ProblemException {

    public PreconditionRequiredException() {
        super(428, "precondition-required", "Precondition required",
                "Send If-Match with the ETag you read, so a change made meanwhile is not overwritten", null);
    }
}
