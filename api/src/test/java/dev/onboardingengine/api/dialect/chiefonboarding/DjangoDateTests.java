package dev.onboardingengine.api.dialect.chiefonboarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Django's {@code parse_date} (django/utils/dateparse.py: {@code date.fromisoformat}, then
 * {@code date_re}) as Python 3.13, ChiefOnboarding's interpreter, answers it.
 */
class DjangoDateTests {

    @ParameterizedTest
    @CsvSource({
            // date.fromisoformat: calendar dates, extended and basic
            "2020-12-04, 2020-12-04", "20201204, 2020-12-04",
            // date.fromisoformat: ISO week dates; without a weekday, the week's Monday
            "2020-W49-5, 2020-12-04", "2020W495, 2020-12-04", "2020-W49, 2020-11-30", "2020W49, 2020-11-30",
            "2020-W53-5, 2021-01-01",
            // date_re: one or two digits for the month and the day
            "2020-12-4, 2020-12-04", "2030-1-06, 2030-01-06", "2030-3-4, 2030-03-04"})
    void readsWhatParseDateReads(String text, LocalDate day) {
        assertThat(DjangoDate.parse(text)).isEqualTo(day);
    }

    @org.junit.jupiter.api.Test
    void readsPythonsDigitsAndEndOfString() {
        // Python's \d is any Unicode decimal digit, and $ matches before a final newline
        assertThat(DjangoDate.parse("\u0662\u0660\u0662\u0660-\u0661\u0662-\u0664"))
                .isEqualTo(LocalDate.of(2020, 12, 4));
        assertThat(DjangoDate.parse("2020-12-4\n")).isEqualTo(LocalDate.of(2020, 12, 4));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2020-02-30", "2030-2-30", "2021-W53-1", "2020-W00-1", "2020-W49-8", "2020-W495",
            "2020W49-5", "2020-1204", "2020/12/04", " 2020-12-04", "2020-12-04 ", "2020-12-04T10:00", "04-12-2020",
            "2020-12", "2020", "tomorrow"})
    void refusesWhatParseDateRefuses(String text) {
        assertThat(DjangoDate.parse(text)).isNull();
    }
}
