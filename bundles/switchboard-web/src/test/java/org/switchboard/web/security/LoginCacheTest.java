package org.switchboard.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LoginCacheTest {
    private final Credentials alice = new Credentials("alice", "secret");
    private final Caller caller = new Caller("alice", Set.of("agent"));

    @Test
    void aLoginIsReusedWithinItsTimeToLive() {
        LoginCache cache = new LoginCache(Duration.ofSeconds(5), clockAt(0));
        cache.put(alice, caller);

        assertThat(new LoginCache(Duration.ofSeconds(5), clockAt(0)).get(alice)).isEmpty();
        assertThat(cache.get(alice)).contains(caller);
    }

    @Test
    void aLoginExpires() {
        MutableClock clock = new MutableClock();
        LoginCache cache = new LoginCache(Duration.ofSeconds(5), clock);
        cache.put(alice, caller);

        clock.now = clock.now.plusSeconds(5);

        assertThat(cache.get(alice)).isEmpty();
    }

    @Test
    void anotherPasswordIsAnotherEntry() {
        LoginCache cache = new LoginCache(Duration.ofSeconds(5), clockAt(0));
        cache.put(alice, caller);

        assertThat(cache.get(new Credentials("alice", "other"))).isEmpty();
    }

    @Test
    void aZeroTimeToLiveCachesNothing() {
        LoginCache cache = new LoginCache(Duration.ZERO, clockAt(0));
        cache.put(alice, caller);

        assertThat(cache.get(alice)).isEmpty();
    }

    @Test
    void credentialsNeverShowTheirPassword() {
        assertThat(alice.toString()).doesNotContain("secret");
    }

    private static Clock clockAt(long epochSecond) {
        return Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC);
    }

    private static final class MutableClock extends Clock {
        Instant now = Instant.EPOCH;

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
