package dev.onboardingengine.api.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class EmployeeReachTests {

    @Test
    void everyoneIsNoFilterAtAll() {
        Map<String, Object> params = new HashMap<>();

        assertThat(EmployeeReach.EVERYONE.condition(params)).isEqualTo("1 = 1");
        assertThat(params).isEmpty();
    }

    @Test
    void aScopedReachIsItsUnitsOrTheCallerThemselves() {
        // Given a manager scoped to two units
        Map<String, Object> params = new HashMap<>();
        EmployeeReach reach = new EmployeeReach(false, Set.of(3L, 4L), 9L);

        // When the reach becomes SQL
        String condition = reach.condition(params);

        // Then it is one parenthesised alternative, whatever the caller adds around it with "and"
        assertThat(condition).isEqualTo("(unit_organization_id in (:reachUnits) or id = :reachSelf)");
        assertThat(params).containsEntry("reachUnits", Set.of(3L, 4L)).containsEntry("reachSelf", 9L);
    }

    @Test
    void aReachWithNeitherUnitsNorSelfReadsNobody() {
        Map<String, Object> params = new HashMap<>();

        assertThat(new EmployeeReach(false, Set.of(), null).condition(params)).isEqualTo("1 = 0");
        assertThat(params).isEmpty();
    }
}
