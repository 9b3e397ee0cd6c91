package dev.takeover.common.http;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.metadata.ConstraintDescriptor;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ViolationsTest {

    record Body(@HasText String text) {}

    @Test
    void namesTheFieldInsideTheBodyAndTheConstraintButNeverTheValue() {
        ConstraintViolation<?> blank = violation(
                "must not be blank",
                "the customer's secret words",
                node(ElementKind.METHOD, "reply", null),
                node(ElementKind.PARAMETER, "reply", null),
                node(ElementKind.PROPERTY, "text", null));

        String detail = Violations.describe(Set.of(blank));

        assertThat(detail).isEqualTo("the request is invalid: text must not be blank (HasText)");
        assertThat(detail).doesNotContain("secret");
        assertThat(Violations.ofReturnValue(Set.of(blank))).isFalse();
    }

    @Test
    void namesAnIndexedElementAndAParameterOfItsOwn() {
        assertThat(Violations.field(path(
                        node(ElementKind.METHOD, "register", null),
                        node(ElementKind.PARAMETER, "registration", null),
                        node(ElementKind.PROPERTY, "teams", null),
                        node(ElementKind.CONTAINER_ELEMENT, "<list element>", 1))))
                .isEqualTo("teams[1]");
        assertThat(Violations.field(
                        path(node(ElementKind.METHOD, "find", null), node(ElementKind.PARAMETER, "id", null))))
                .isEqualTo("id");
    }

    @Test
    void listsEachBrokenFieldOnceInAStableOrder() {
        Path.Node[] text = {node(ElementKind.PARAMETER, "note", null), node(ElementKind.PROPERTY, "text", null)};
        Path.Node[] id = {node(ElementKind.PARAMETER, "note", null), node(ElementKind.PROPERTY, "id", null)};
        Set<ConstraintViolation<?>> violations = new LinkedHashSet<>();
        violations.add(violation("must not be blank", "", text));
        violations.add(violation("must not be blank", "", text));
        violations.add(violation("must not be blank", "", id));

        assertThat(Violations.describe(violations))
                .isEqualTo("the request is invalid: id must not be blank (HasText); text must not be blank (HasText)");
    }

    @Test
    void aBrokenReturnValueIsOursNotTheCallers() {
        ConstraintViolation<?> returned = violation(
                "must not be null",
                null,
                node(ElementKind.METHOD, "view", null),
                node(ElementKind.RETURN_VALUE, null, null));

        assertThat(Violations.ofReturnValue(Set.of(returned))).isTrue();
    }

    private static Path.Node node(ElementKind kind, String name, Integer index) {
        return (Path.Node) Proxy.newProxyInstance(
                ViolationsTest.class.getClassLoader(),
                new Class<?>[] {Path.Node.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getKind" -> kind;
                    case "getName" -> name;
                    case "getIndex" -> index;
                    case "isInIterable" -> index != null;
                    default -> null;
                });
    }

    private static Path path(Path.Node... nodes) {
        List<Path.Node> list = new ArrayList<>(List.of(nodes));
        return (Path) Proxy.newProxyInstance(
                ViolationsTest.class.getClassLoader(),
                new Class<?>[] {Path.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "iterator" -> list.iterator();
                    case "toString" -> list.toString();
                    default -> null;
                });
    }

    private static ConstraintViolation<?> violation(String message, Object value, Path.Node... nodes) {
        HasText annotation = Body.class.getRecordComponents()[0].getAnnotation(HasText.class);
        ConstraintDescriptor<?> descriptor = (ConstraintDescriptor<?>) Proxy.newProxyInstance(
                ViolationsTest.class.getClassLoader(),
                new Class<?>[] {ConstraintDescriptor.class},
                (proxy, method, args) -> "getAnnotation".equals(method.getName()) ? annotation : null);
        Path path = path(nodes);
        return (ConstraintViolation<?>) Proxy.newProxyInstance(
                ViolationsTest.class.getClassLoader(),
                new Class<?>[] {ConstraintViolation.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getMessage" -> message;
                    case "getInvalidValue" -> value;
                    case "getPropertyPath" -> path;
                    case "getConstraintDescriptor" -> descriptor;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> null;
                });
    }
}
