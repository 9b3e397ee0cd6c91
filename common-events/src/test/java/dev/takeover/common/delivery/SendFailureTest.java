package dev.takeover.common.delivery;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.NetworkException;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SendFailureTest {

    @Test
    void aRecordTooLargeIsSetAsideWithTheBrokersReason() {
        SendFailure failure = SendFailure.of(new RecordTooLargeException("The message is 5242961 bytes"));

        assertThat(failure.retriable()).isFalse();
        assertThat(failure.reason()).isEqualTo("RecordTooLargeException: The message is 5242961 bytes");
    }

    @Test
    void whatTheBrokerRefusesForThisRecordIsSetAside() {
        assertThat(SendFailure.of(new InvalidRecordException("rejected")).retriable())
                .isFalse();
        assertThat(SendFailure.of(new InvalidTopicException("bad name")).retriable())
                .isFalse();
        assertThat(SendFailure.of(new SerializationException("cannot")).retriable())
                .isFalse();
    }

    @Test
    void failuresOfTheMomentAreSentAgain() {
        assertThat(SendFailure.of(new TimeoutException("expired")).retriable()).isTrue();
        assertThat(SendFailure.of(new NetworkException("gone")).retriable()).isTrue();
        assertThat(SendFailure.of(new NotEnoughReplicasException("few")).retriable())
                .isTrue();
        assertThat(SendFailure.of(new KafkaException("producer closed")).retriable())
                .isTrue();
        assertThat(SendFailure.of(new IllegalStateException("closed")).retriable())
                .isTrue();
    }

    @Test
    void anAuthorisationFailureIsAboutTheServiceNotTheEvent() {
        assertThat(SendFailure.of(new TopicAuthorizationException("denied")).retriable())
                .isTrue();
    }

    @Test
    void theCauseIsJudgedThroughFutureWrappers() {
        SendFailure failure = SendFailure.of(
                new CompletionException(new ExecutionException(new RecordTooLargeException("too large"))));

        assertThat(failure.retriable()).isFalse();
        assertThat(failure.reason()).startsWith("RecordTooLargeException");
    }
}
