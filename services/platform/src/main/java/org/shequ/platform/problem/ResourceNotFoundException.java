package org.shequ.platform.problem;

/** 404: no such resource, or none the caller may see. */
public class ResourceNotFoundException extends ProblemException {

    public ResourceNotFoundException(String what, String id) {
        super(404, "not-found", "Not found", what + " " + id + " does not exist", null);
    }
}
