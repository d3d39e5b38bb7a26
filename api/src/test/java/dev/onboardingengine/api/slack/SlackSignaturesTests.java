package dev.onboardingengine.api.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** Slack's request signing, checked against the worked example of Slack's "Verifying requests from Slack". */
class SlackSignaturesTests {

    // The example's secret, timestamp, body and signature, as Slack's documentation gives them.
    private static final SlackSignatures SLACK_EXAMPLE = new SlackSignatures("8f742231b10e8888abcd99yyyzzz85a5");
    private static final String TIMESTAMP = "1531420618";
    private static final byte[] BODY = ("token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow"
            + "&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner"
            + "&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J"
            + "%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c")
            .getBytes(StandardCharsets.UTF_8);
    private static final String SIGNATURE = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";
    private static final Instant THEN = Instant.ofEpochSecond(1531420618);

    @Test
    void signsSlacksExampleAsSlackDoes() {
        assertThat(SLACK_EXAMPLE.sign(TIMESTAMP, BODY)).isEqualTo(SIGNATURE);
    }

    @Test
    void acceptsTheExampleWithinFiveMinutesOfItsTimestampAndNotLater() {
        assertThat(SLACK_EXAMPLE.verify(TIMESTAMP, SIGNATURE, BODY, THEN.plusSeconds(300))).isTrue();
        assertThat(SLACK_EXAMPLE.verify(TIMESTAMP, SIGNATURE, BODY, THEN.minusSeconds(300))).isTrue();
        assertThat(SLACK_EXAMPLE.verify(TIMESTAMP, SIGNATURE, BODY, THEN.plusSeconds(301))).isFalse();
    }

    @Test
    void refusesAChangedBodyAnotherSecretAndMissingOrMalformedHeaders() {
        byte[] changed = new String(BODY, StandardCharsets.UTF_8).replace("roadrunner", "coyote")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(SLACK_EXAMPLE.verify(TIMESTAMP, SIGNATURE, changed, THEN)).isFalse();
        assertThat(new SlackSignatures("another-secret").verify(TIMESTAMP, SIGNATURE, BODY, THEN)).isFalse();
        assertThat(SLACK_EXAMPLE.verify(null, SIGNATURE, BODY, THEN)).isFalse();
        assertThat(SLACK_EXAMPLE.verify(TIMESTAMP, null, BODY, THEN)).isFalse();
        assertThat(SLACK_EXAMPLE.verify("yesterday", SIGNATURE, BODY, THEN)).isFalse();
    }
}
