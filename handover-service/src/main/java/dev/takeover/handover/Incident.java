package dev.takeover.handover;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.jpa.HibernateHints;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import dev.takeover.common.domain.Refused;
import dev.takeover.events.handover.HandoverRequested.Priority;
import dev.takeover.handover.policy.PolicyInput;

/**
 * A known incident an operator declared (an outage, a broken login): conversations about it are tagged, prioritised
 * and told that we know, until the incident ends.
 */
@Entity
@Table(name = "incident")
public class Incident extends PanacheEntityBase {

    @Id
    @Column(name = "incident_id")
    public String incidentId;

    public String description;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> intents = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> keywords = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    public Priority priority;

    /** What to tell customers, per language; our general notice where absent. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "customer_notice")
    public Map<String, String> customerNotice = new HashMap<>();

    @Column(name = "declared_by")
    public String declaredBy;

    @Column(name = "declared_at")
    public Instant declaredAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    public static Incident declare(
            String description,
            List<String> intents,
            List<String> keywords,
            Priority priority,
            Map<String, String> customerNotice,
            String declaredBy,
            Instant now) {
        if (intents.isEmpty() && keywords.isEmpty()) {
            throw Refused.invalid("an incident needs intents or keywords to recognise its conversations");
        }
        Incident incident = new Incident();
        incident.incidentId = "inc-" + UUID.randomUUID().toString().substring(0, 8);
        incident.description = description;
        incident.intents = intents.stream().map(i -> i.toLowerCase(Locale.ROOT)).toList();
        incident.keywords = keywords.stream()
                .map(k -> k.toLowerCase(Locale.ROOT).trim())
                .filter(k -> !k.isEmpty())
                .toList();
        incident.priority = priority;
        incident.customerNotice = new HashMap<>(customerNotice);
        incident.declaredBy = declaredBy;
        incident.declaredAt = now;
        return incident;
    }

    /** Read-only: they are only read where they are listed, so Hibernate keeps no copy of them to compare. */
    public static List<Incident> active() {
        return find("endedAt is null order by declaredAt")
                .withHint(HibernateHints.HINT_READ_ONLY, true)
                .list();
    }

    public boolean isActive() {
        return endedAt == null;
    }

    public void end(Instant now) {
        if (!isActive()) {
            throw new IllegalStateException("incident " + incidentId + " has already ended");
        }
        endedAt = now;
    }

    /** The message is about this incident: one of its intents, or one of its keywords as a whole word. */
    public boolean matches(String intent, String text) {
        if (intent != null && intents.contains(intent.toLowerCase(Locale.ROOT))) {
            return true;
        }
        if (text == null) {
            return false;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        return keywords.stream()
                .anyMatch(keyword -> Pattern.compile(
                                "(?<![\\p{L}\\p{N}])" + Pattern.quote(keyword) + "(?![\\p{L}\\p{N}])")
                        .matcher(lower)
                        .find());
    }

    public PolicyInput.Incident view() {
        return new PolicyInput.Incident(incidentId, description, priority);
    }
}
