package dev.onboardingengine.api.tracks;

/** The track's state forbids the change (starting a non-draft, changing an ended track, a second open track). */
public class TrackConflict extends RuntimeException {

    TrackConflict(String reason) {
        super(reason);
    }
}
