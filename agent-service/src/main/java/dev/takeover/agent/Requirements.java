package dev.takeover.agent;

import java.util.List;
import java.util.Set;

/** What an agent needs to take a conversation: all of these skills, this language (if known) and this team (if any). */
public record Requirements(Set<String> skills, String language, String team) {

    public Requirements {
        skills = Set.copyOf(skills);
    }

    public static Requirements of(List<String> skills, String language, String team) {
        return new Requirements(Set.copyOf(skills), blankToNull(language), blankToNull(team));
    }

    public boolean metBy(Set<String> agentSkills, Set<String> agentLanguages, Set<String> agentTeams) {
        return agentSkills.containsAll(skills)
                && (language == null || agentLanguages.contains(language))
                && (team == null || agentTeams.contains(team));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
