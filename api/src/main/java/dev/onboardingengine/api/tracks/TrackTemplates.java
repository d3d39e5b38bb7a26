package dev.onboardingengine.api.tracks;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.onboardingengine.api.organisation.Organisations;
import dev.onboardingengine.api.organisation.UnitOrganization;
import dev.onboardingengine.api.problem.InvalidInput;
import dev.onboardingengine.workflow.sequence.Sequence;
import dev.onboardingengine.workflow.sequence.SequenceCatalog;

/**
 * Which journey templates (sequences) fit a track: by mobility, and by the unit of the organisation
 * they are tagged for, which applies to that unit's children too.
 */
@Component
class TrackTemplates {

    private final SequenceCatalog sequences;
    private final Organisations organisations;

    TrackTemplates(SequenceCatalog sequences, Organisations organisations) {
        this.sequences = sequences;
        this.organisations = organisations;
    }

    /**
     * The templates of a mobility that apply to a unit: those tagged with no unit, or with the unit
     * itself or one of its ancestors (a template for a parent unit applies to its children).
     *
     * @param mobility null: every mobility
     * @param unitId null: every template of the mobility
     */
    @Transactional(readOnly = true)
    List<Sequence> applying(String mobility, Long unitId) {
        return sequences.all().stream()
                .filter(sequence -> mobility == null || sequence.mobility() == null
                        || sequence.mobility().equals(mobility))
                .filter(sequence -> unitId == null || appliesTo(sequence, unitId))
                .toList();
    }

    private boolean appliesTo(Sequence sequence, long unitId) {
        if (sequence.unitExternalIds().isEmpty()) {
            return true;
        }
        Set<Long> tagged = new java.util.HashSet<>();
        for (UnitOrganization unit : organisations.units(null)) {
            if (sequence.unitExternalIds().contains(unit.externalId())) {
                tagged.add(unit.id());
            }
        }
        return !tagged.isEmpty() && organisations.withDescendants(tagged).contains(unitId);
    }

    /** The templates a track asks for, each checked against its mobility and unit; misfits are violations. */
    List<Sequence> chosen(List<InvalidInput.Violation> violations, List<Long> ids, String mobility, Long unit) {
        Optional<List<Sequence>> found = sequences.withIds(ids);
        if (found.isEmpty()) {
            violations.add(new InvalidInput.Violation("template_ids", "unknown_reference", ids));
            return List.of();
        }
        List<Long> misfits = found.get().stream()
                .filter(sequence -> (sequence.mobility() != null && !sequence.mobility().equals(mobility))
                        || (unit != null && !appliesTo(sequence, unit))
                        || (unit == null && !sequence.unitExternalIds().isEmpty()))
                .map(Sequence::id).toList();
        if (!misfits.isEmpty()) {
            violations.add(new InvalidInput.Violation("template_ids", "not_applicable", misfits));
        }
        return found.get();
    }
}
