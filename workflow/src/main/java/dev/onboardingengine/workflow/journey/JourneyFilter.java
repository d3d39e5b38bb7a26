package dev.onboardingengine.workflow.journey;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which journeys a list or count of {@link Journeys} reads: of one status (null: every status), of these
 * employees (null: everybody's; empty: nobody's, so no query is needed).
 */
record JourneyFilter(JourneyStatus status, Collection<Long> employeeIds) {

    boolean matchesNobody() {
        return employeeIds != null && employeeIds.isEmpty();
    }

    String where() {
        List<String> conditions = new ArrayList<>();
        if (status != null) {
            conditions.add("status = :status");
        }
        if (employeeIds != null) {
            conditions.add("employee_id in (:employeeIds)");
        }
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    /** The parameters of {@link #where()}, with a page's limit and offset; a map the caller may add to. */
    Map<String, Object> params(int limit, long offset) {
        Map<String, Object> params = new HashMap<>();
        params.put("status", status == null ? null : status.wireName());
        params.put("employeeIds", employeeIds == null ? List.of() : List.copyOf(employeeIds));
        params.put("limit", limit);
        params.put("offset", offset);
        return params;
    }
}
