package dev.takeover.bot.nlu;

import java.util.List;

/** A catalogue that cannot be trained, with every reason found; the catalogue in use stays in place. */
public class InvalidCatalogueException extends RuntimeException {

    private final List<String> problems;

    public InvalidCatalogueException(List<String> problems) {
        super("the catalogue is invalid: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
