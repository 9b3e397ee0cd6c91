package dev.takeover.common.persistence;

import java.util.Collection;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A fixed set of enum constants written into a query as literals, for {@code state in (...)}. Hibernate caches the
 * SQL it translates a query to, except for a query with a list parameter, whose SQL it translates again on every call:
 * for the lookups done for every message, that was the largest single cost of handover-service's consumers. (A set of
 * ids known only at run time is bound as one array parameter instead: {@code = any(cast(:ids as text[]))}.)
 */
public final class EnumLiterals {

    private EnumLiterals() {}

    /** {@code (pkg.Type.A, pkg.Type.B)}, for HQL; the constants must not be empty. */
    public static String anyOf(Collection<? extends Enum<?>> constants) {
        return inList(constants, constant -> constant.getDeclaringClass().getName() + "." + constant.name());
    }

    /** {@code ('A', 'B')}, for native SQL over a column that stores the constants' names; must not be empty. */
    public static String namesOf(Collection<? extends Enum<?>> constants) {
        return inList(constants, constant -> "'" + constant.name() + "'");
    }

    private static String inList(Collection<? extends Enum<?>> constants, Function<Enum<?>, String> literal) {
        if (constants.isEmpty()) {
            throw new IllegalArgumentException("an in-list needs at least one constant");
        }
        return constants.stream().map(literal).collect(Collectors.joining(", ", "(", ")"));
    }
}
