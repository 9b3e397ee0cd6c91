package dev.takeover.common.http;

import java.util.Comparator;
import java.util.Set;
import java.util.stream.Collectors;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;

/**
 * Says which fields of a request broke which Bean Validation constraints, never with the rejected value: it may be
 * what a customer wrote. A message template that quotes the value ({@code ${validatedValue}}) must not be used.
 */
final class Violations {

    private Violations() {}

    /** A violated constraint on what a method returned is our failure, not the caller's. */
    static boolean ofReturnValue(Set<? extends ConstraintViolation<?>> violations) {
        return violations.stream().anyMatch(violation -> has(violation.getPropertyPath(), ElementKind.RETURN_VALUE));
    }

    static String describe(Set<? extends ConstraintViolation<?>> violations) {
        return "the request is invalid: "
                + violations.stream()
                        .map(Violations::describe)
                        .sorted(Comparator.naturalOrder())
                        .distinct()
                        .collect(Collectors.joining("; "));
    }

    private static String describe(ConstraintViolation<?> violation) {
        String constraint = violation
                .getConstraintDescriptor()
                .getAnnotation()
                .annotationType()
                .getSimpleName();
        return field(violation.getPropertyPath()) + " " + violation.getMessage() + " (" + constraint + ")";
    }

    /** The field's path inside the body ({@code teams[1]}), or the parameter's name for a path or query parameter. */
    static String field(Path path) {
        StringBuilder field = new StringBuilder();
        String parameter = null;
        for (Path.Node node : path) {
            switch (node.getKind()) {
                case PARAMETER -> parameter = node.getName();
                case PROPERTY, CONTAINER_ELEMENT, BEAN -> {
                    if (node.getName() != null && !node.getName().startsWith("<")) {
                        if (!field.isEmpty()) {
                            field.append('.');
                        }
                        field.append(node.getName());
                    }
                    if (node.getIndex() != null) {
                        field.append('[').append(node.getIndex()).append(']');
                    }
                }
                default -> {}
            }
        }
        if (!field.isEmpty()) {
            return field.toString();
        }
        return parameter != null ? parameter : "the request";
    }

    private static boolean has(Path path, ElementKind kind) {
        for (Path.Node node : path) {
            if (node.getKind() == kind) {
                return true;
            }
        }
        return false;
    }
}
