package dev.takeover.handover.waiting;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** When people are there to take over: weekly opening windows in one time zone, minus holidays. */
public final class BusinessCalendar {

    private static final Pattern WINDOW =
            Pattern.compile("([A-Z]{3})(?:-([A-Z]{3}))?\\s+(\\d{2}:\\d{2})-(\\d{2}:\\d{2})");
    private static final int DAYS_AHEAD = 400;

    private final ZoneId zone;
    private final Map<DayOfWeek, List<Window>> weekly;
    private final Set<LocalDate> holidays;

    private BusinessCalendar(ZoneId zone, Map<DayOfWeek, List<Window>> weekly, Set<LocalDate> holidays) {
        this.zone = zone;
        this.weekly = weekly;
        this.holidays = holidays;
    }

    /** Windows like {@code MON-FRI 08:00-18:00}; an end of {@code 24:00} means midnight. */
    public static BusinessCalendar of(ZoneId zone, List<String> windows, List<LocalDate> holidays) {
        Map<DayOfWeek, List<Window>> weekly = new EnumMap<>(DayOfWeek.class);
        for (String spec : windows) {
            Matcher matcher = WINDOW.matcher(spec.trim().toUpperCase(Locale.ROOT));
            if (!matcher.matches()) {
                throw new IllegalArgumentException(
                        "business hours '" + spec + "' must look like MON-FRI 08:00-18:00 or SAT 10:00-14:00");
            }
            DayOfWeek first = day(matcher.group(1));
            DayOfWeek last = matcher.group(2) == null ? first : day(matcher.group(2));
            LocalTime opens = LocalTime.parse(matcher.group(3));
            LocalTime closes = "24:00".equals(matcher.group(4)) ? LocalTime.MAX : LocalTime.parse(matcher.group(4));
            if (!closes.isAfter(opens)) {
                throw new IllegalArgumentException("business hours '" + spec + "' close before they open");
            }
            for (DayOfWeek day = first; ; day = day.plus(1)) {
                weekly.computeIfAbsent(day, d -> new ArrayList<>()).add(new Window(opens, closes));
                if (day == last) {
                    break;
                }
            }
        }
        weekly.values().forEach(list -> list.sort((a, b) -> a.opens.compareTo(b.opens)));
        return new BusinessCalendar(zone, weekly, Set.copyOf(holidays));
    }

    private static DayOfWeek day(String abbreviation) {
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().startsWith(abbreviation)) {
                return day;
            }
        }
        throw new IllegalArgumentException("unknown day '" + abbreviation + "', use MON, TUE, … SUN");
    }

    public ZoneId zone() {
        return zone;
    }

    public boolean isOpen(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        if (holidays.contains(local.toLocalDate())) {
            return false;
        }
        LocalTime time = local.toLocalTime();
        return weekly.getOrDefault(local.getDayOfWeek(), List.of()).stream()
                .anyMatch(window -> !time.isBefore(window.opens) && time.isBefore(window.closes));
    }

    /** The next moment people are back: {@code at} itself when open now, empty when the calendar never opens. */
    public Optional<ZonedDateTime> nextOpening(Instant at) {
        if (isOpen(at)) {
            return Optional.of(at.atZone(zone));
        }
        ZonedDateTime local = at.atZone(zone);
        for (int offset = 0; offset < DAYS_AHEAD; offset++) {
            LocalDate date = local.toLocalDate().plusDays(offset);
            if (holidays.contains(date)) {
                continue;
            }
            for (Window window : weekly.getOrDefault(date.getDayOfWeek(), List.of())) {
                ZonedDateTime opens = date.atTime(window.opens).atZone(zone);
                if (opens.isAfter(local)) {
                    return Optional.of(opens);
                }
            }
        }
        return Optional.empty();
    }

    private record Window(LocalTime opens, LocalTime closes) {}
}
