package dev.takeover.handover.waiting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BusinessCalendarTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final BusinessCalendar CALENDAR = BusinessCalendar.of(
            BERLIN, List.of("MON-FRI 08:00-18:00", "SAT 10:00-14:00"), List.of(LocalDate.parse("2026-12-25")));

    @Test
    void isOpenInsideTheWindowsInTheBusinessTimeZone() {
        assertThat(CALENDAR.isOpen(berlin("2026-11-25T08:00"))).isTrue();
        assertThat(CALENDAR.isOpen(berlin("2026-11-25T17:59"))).isTrue();
        assertThat(CALENDAR.isOpen(berlin("2026-11-25T18:00"))).isFalse();
        assertThat(CALENDAR.isOpen(berlin("2026-11-28T11:00"))).isTrue();
        assertThat(CALENDAR.isOpen(berlin("2026-11-29T11:00"))).isFalse();
        // 07:30 UTC is 08:30 in Berlin in winter.
        assertThat(CALENDAR.isOpen(Instant.parse("2026-11-25T07:30:00Z"))).isTrue();
    }

    @Test
    void theNextOpeningSkipsTheWeekendAndHolidays() {
        assertThat(CALENDAR.nextOpening(berlin("2026-11-28T15:00")))
                .contains(ZonedDateTime.of(2026, 11, 30, 8, 0, 0, 0, BERLIN));
        assertThat(CALENDAR.nextOpening(berlin("2026-12-24T19:00")))
                .contains(ZonedDateTime.of(2026, 12, 26, 10, 0, 0, 0, BERLIN));
        assertThat(CALENDAR.nextOpening(berlin("2026-11-25T06:00")))
                .contains(ZonedDateTime.of(2026, 11, 25, 8, 0, 0, 0, BERLIN));
    }

    @Test
    void whenOpenTheNextOpeningIsNow() {
        Instant now = berlin("2026-11-25T10:15");
        assertThat(CALENDAR.nextOpening(now)).map(ZonedDateTime::toInstant).contains(now);
    }

    @Test
    void aCalendarWithoutWindowsNeverOpens() {
        BusinessCalendar closed = BusinessCalendar.of(BERLIN, List.of(), List.of());
        assertThat(closed.nextOpening(berlin("2026-11-25T10:00"))).isEmpty();
    }

    @Test
    void aMalformedWindowIsRefused() {
        assertThatThrownBy(() -> BusinessCalendar.of(BERLIN, List.of("weekdays 8-18"), List.of()))
                .hasMessageContaining("MON-FRI 08:00-18:00");
        assertThatThrownBy(() -> BusinessCalendar.of(BERLIN, List.of("MON 18:00-08:00"), List.of()))
                .hasMessageContaining("close before they open");
    }

    private static Instant berlin(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
    }
}
