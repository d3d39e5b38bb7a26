package dev.onboardingengine.workflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The Block Kit a message becomes: its text escaped, and an action's two buttons in its language. */
class SlackNotifierTests {

    @Test
    void escapesSlacksControlCharactersSoANameCannotPingAChannel() {
        assertThat(SlackNotifier.escape("Ada <!channel> & <@U123>"))
                .isEqualTo("Ada &lt;!channel&gt; &amp; &lt;@U123&gt;");
    }

    @Test
    @SuppressWarnings("unchecked")
    void anActionsMessageCarriesMarkDoneAndOpenMyPageWithTheTaskIdInItsLanguage() {
        List<Map<String, Object>> blocks = SlackNotifier.blocks(new MailMessage("Lunch", "Book it", "fr"), "task-42");

        assertThat(blocks).hasSize(2);
        assertThat(((Map<String, Object>) blocks.get(0).get("text")).get("text")).isEqualTo("*Lunch*\nBook it");
        List<Map<String, Object>> buttons = (List<Map<String, Object>>) blocks.get(1).get("elements");
        assertThat(buttons).extracting(button -> button.get("action_id"))
                .containsExactly(SlackButtons.MARK_DONE, SlackButtons.OPEN_PAGE);
        assertThat(buttons).extracting(button -> button.get("value")).containsOnly("task-42");
        assertThat(buttons).extracting(button -> ((Map<String, Object>) button.get("text")).get("text"))
                .containsExactly("Marquer comme fait", "Ouvrir ma page");
    }

    @Test
    void aMessageAboutNoActionHasNoButtons() {
        assertThat(SlackNotifier.blocks(new MailMessage("Hello", "Body", "en"), null)).hasSize(1);
    }
}
