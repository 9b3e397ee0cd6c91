package dev.takeover.common.persistence;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.takeover.events.handover.ControlState;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnumLiteralsTest {

    @Test
    void namesEachConstantByItsFullyQualifiedType() {
        assertThat(EnumLiterals.anyOf(List.of(ControlState.REQUESTED, ControlState.WITH_AGENT)))
                .isEqualTo("(dev.takeover.events.handover.ControlState.REQUESTED,"
                        + " dev.takeover.events.handover.ControlState.WITH_AGENT)");
    }

    @Test
    void writesTheStoredNamesAsStringLiteralsForNativeSql() {
        assertThat(EnumLiterals.namesOf(List.of(ControlState.REQUESTED, ControlState.WITH_AGENT)))
                .isEqualTo("('REQUESTED', 'WITH_AGENT')");
    }

    @Test
    void refusesAnEmptySetWhichNoQueryCouldMatch() {
        assertThatThrownBy(() -> EnumLiterals.anyOf(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EnumLiterals.namesOf(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
