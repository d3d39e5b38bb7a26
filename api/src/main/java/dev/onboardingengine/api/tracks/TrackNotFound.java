package dev.onboardingengine.api.tracks;

/** The track is absent or the caller may not see its employee: the same answer. */
public class TrackNotFound extends dev.onboardingengine.api.problem.ResourceNotFound {

    TrackNotFound(long id) {
        super("No track " + id + ".");
    }
}
