package dev.onboardingengine.workflow.journey;

import java.util.List;

import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the API may ask about journeys: reads of the journey read model, never of Camunda itself. */
@NamedInterface("journey")
@Service
public class JourneyQueries {

    private final Journeys journeys;

    JourneyQueries(Journeys journeys) {
        this.journeys = journeys;
    }

    /** Every journey of an employee, oldest first, each with its milestone history. */
    @Transactional(readOnly = true)
    public List<JourneyView> journeysOf(long employeeId) {
        return journeys.findByEmployee(employeeId);
    }
}
