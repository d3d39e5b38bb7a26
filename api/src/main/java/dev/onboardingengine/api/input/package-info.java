/**
 * What every request is held to before a handler sees it, for every dialect alike: strict JSON
 * ({@link dev.onboardingengine.api.input.StrictJson}: a key given twice, a null inside a list, a number
 * or an out-of-range year where a date is expected are refused, naming the field) and an
 * {@code Accept} the handler can answer ({@link dev.onboardingengine.api.input.AcceptCheck}), so that a
 * refused request never reaches the code that writes.
 */
package dev.onboardingengine.api.input;
