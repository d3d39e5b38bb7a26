package dev.onboardingengine.api.directory;

import dev.onboardingengine.api.problem.ResourceNotFound;

/** No such employee, or one the caller may not see. */
public class EmployeeNotFound extends ResourceNotFound {

    public EmployeeNotFound(long id) {
        super("No employee with id " + id);
    }
}
