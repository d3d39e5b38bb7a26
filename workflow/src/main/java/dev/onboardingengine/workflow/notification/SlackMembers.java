package dev.onboardingengine.workflow.notification;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The slack_member table: people's Slack user ids by email, looked up or set through the API. */
@NamedInterface("notification")
@Repository
public class SlackMembers {

    static final String BY_LOOKUP = "lookup";
    static final String BY_API = "api";

    private final JdbcClient jdbc;

    SlackMembers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Optional<String> userIdOf(String email) {
        return jdbc.sql("select slack_user_id from slack_member where email = :email")
                .param("email", key(email)).query(String.class).optional();
    }

    /** The email of the person a Slack user is, when exactly one person is matched to it. */
    @Transactional(readOnly = true)
    public Optional<String> emailOf(String slackUserId) {
        var emails = jdbc.sql("select email from slack_member where slack_user_id = :user")
                .param("user", slackUserId).query(String.class).list();
        return emails.size() == 1 ? Optional.of(emails.get(0)) : Optional.empty();
    }

    /** An administrator's match: replaces whatever was there. */
    @Transactional
    public void assign(String email, String slackUserId, Instant at) {
        if (jdbc.sql(
                "update slack_member set slack_user_id = :user, matched_by = :by, matched_at = :at where email = :email")
                .param("user", slackUserId).param("by", BY_API).param("at", at.atOffset(ZoneOffset.UTC))
                .param("email", key(email)).update() == 0) {
            insert(email, slackUserId, BY_API, at);
        }
    }

    /** Removes the match: the next message looks the person up again. */
    @Transactional
    public void forget(String email) {
        jdbc.sql("delete from slack_member where email = :email").param("email", key(email)).update();
    }

    /** A lookup's match, kept only where nobody set one meanwhile. */
    void remember(String email, String slackUserId, Instant at) {
        if (userIdOf(email).isEmpty()) {
            insert(email, slackUserId, BY_LOOKUP, at);
        }
    }

    private void insert(String email, String slackUserId, String by, Instant at) {
        jdbc.sql(
                "insert into slack_member (email, slack_user_id, matched_by, matched_at) values (:email, :user, :by, :at)")
                .param("email", key(email)).param("user", slackUserId).param("by", by)
                .param("at", at.atOffset(ZoneOffset.UTC)).update();
    }

    private static String key(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
