package dev.onboardingengine.api.dialect.offly;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.onboardingengine.api.organisation.Organisations;

/**
 * Offly names departments by UUID; the engine's units of the organisation tree have numeric ids. A
 * unit's Offly id is a name-based UUID of its numeric id: stable, the same on every node, and no
 * column to back-fill (a random UUID column has no portable default on H2 and PostgreSQL).
 */
@Component
class OfflyDepartments {

    private final Organisations organisations;

    OfflyDepartments(Organisations organisations) {
        this.organisations = organisations;
    }

    static UUID uuidOf(Long unitId) {
        return unitId == null
                ? null
                : UUID.nameUUIDFromBytes(("unit_organization:" + unitId).getBytes(StandardCharsets.UTF_8));
    }

    Optional<Long> unitOf(UUID departmentId) {
        return organisations.units(null).stream().map(unit -> unit.id())
                .filter(id -> uuidOf(id).equals(departmentId)).findFirst();
    }
}
