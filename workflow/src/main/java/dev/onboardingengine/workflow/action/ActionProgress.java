package dev.onboardingengine.workflow.action;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.modulith.NamedInterface;

/**
 * Live metrics of one journey's actions. Only actions that exist count: a sequence's action appears
 * when its moment comes, so {@code total} grows as the journey advances.
 *
 * @param total actions created so far
 * @param completed done
 * @param available open now (can be done now)
 * @param overdue open past their due date
 * @param dueSoon open and due within {@link #AT_RISK_WINDOW}
 */
@NamedInterface("action")
public record ActionProgress(int total, int completed, int available, int overdue, int dueSoon) {

    /** An open action due within this window puts a journey at risk. */
    public static final Duration AT_RISK_WINDOW = Duration.ofDays(2);

    static ActionProgress of(List<Action> all, Instant now) {
        // Actions removed by a cancellation were never done and can no longer be: they count for nothing.
        List<Action> actions = all.stream().filter(action -> !action.removed()).toList();
        int completed = (int) actions.stream().filter(action -> !action.isOpen()).count();
        int overdue = (int) actions.stream().filter(Action::overdue).count();
        int dueSoon = (int) actions.stream()
                .filter(action -> action.isOpen() && !action.overdue() && action.due() != null
                        && action.due().isBefore(now.plus(AT_RISK_WINDOW)))
                .count();
        return new ActionProgress(actions.size(), completed, actions.size() - completed, overdue, dueSoon);
    }

    /** done / total, 0 to 1; a journey without actions yet has progressed 0. */
    public double progression() {
        return total == 0 ? 0 : (double) completed / total;
    }

    /** available / total, 0 to 1. */
    public double availabilityRate() {
        return total == 0 ? 0 : (double) available / total;
    }

    /**
     * {@code late} when an action is overdue, {@code at_risk} when one falls due within two days and is
     * not done, {@code on_track} otherwise.
     */
    public String health() {
        if (overdue > 0) {
            return "late";
        }
        return dueSoon > 0 ? "at_risk" : "on_track";
    }
}
