package org.switchboard.web.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FrameRingTest {

    @Test
    void replaysTheFramesAfterTheGivenIdOldestFirst() {
        FrameRing ring = new FrameRing(10, 1024);
        for (long id = 1; id <= 5; id++) {
            ring.add(id, frame(id, 20));
        }

        assertThat(replayed(ring, 2)).containsExactly(text(3, 20), text(4, 20), text(5, 20));
        assertThat(replayed(ring, 5)).isEmpty();
        assertThat(replayed(ring, 0)).hasSize(5);
    }

    @Test
    void keepsTheLatestFramesUpToTheCount() {
        FrameRing ring = new FrameRing(3, 1024);
        for (long id = 1; id <= 7; id++) {
            ring.add(id, frame(id, 10));
        }

        assertThat(replayed(ring, 0)).containsExactly(text(5, 10), text(6, 10), text(7, 10));
    }

    @Test
    void keepsTheLatestFramesThatFitInTheBytes() {
        FrameRing ring = new FrameRing(100, 1000);
        for (long id = 1; id <= 20; id++) {
            ring.add(id, frame(id, 300));
        }

        assertThat(replayed(ring, 0)).containsExactly(text(18, 300), text(19, 300), text(20, 300));
        assertThat(ring.capacityBytes()).isEqualTo(1000);
    }

    @Test
    void aFrameBiggerThanTheBytesIsNotKeptAndNeitherIsWhatCameBeforeIt() {
        FrameRing ring = new FrameRing(10, 1000);
        ring.add(1, frame(1, 100));
        ring.add(2, frame(2, 1001));
        ring.add(3, frame(3, 100));

        assertThat(replayed(ring, 0)).containsExactly(text(3, 100));
    }

    @Test
    void growsOnlyAsFarAsWhatItKeepsNeeds() {
        FrameRing ring = new FrameRing(4, 1024 * 1024);
        for (long id = 1; id <= 1000; id++) {
            ring.add(id, frame(id, 3000));
        }

        // room for twice what is kept, rounded up by doubling: far below the 1 MB it may take
        assertThat(ring.capacityBytes()).isLessThanOrEqualTo(4 * 4 * 3000);
        assertThat(replayed(ring, 0)).containsExactly(text(997, 3000), text(998, 3000), text(999, 3000), text(1000, 3000));
    }

    @Test
    void agreesWithAPlainListOfTheLatestFramesWhateverTheirSizes() {
        Random random = new Random(42);
        int maxFrames = 7;
        int maxBytes = 5000;
        FrameRing ring = new FrameRing(maxFrames, maxBytes);
        Deque<String> expected = new ArrayDeque<>();
        for (long id = 1; id <= 20_000; id++) {
            int length = random.nextInt(10) == 0 ? 1500 + random.nextInt(2000) : 20 + random.nextInt(400);
            ring.add(id, frame(id, length));
            expected.addLast(text(id, length));
            while (expected.size() > maxFrames || bytes(expected) > maxBytes) {
                expected.removeFirst();
            }
            List<String> kept = replayed(ring, 0);
            // the ring may drop a little more than a plain list (a frame does not wrap around the array's
            // end), never less, and what it keeps is always the latest frames in order
            assertThat(kept.size()).isBetween(Math.min(1, expected.size()), expected.size());
            assertThat(kept).isEqualTo(new ArrayList<>(expected).subList(expected.size() - kept.size(), expected.size()));
        }
        assertThat(ring.capacityBytes()).isEqualTo(maxBytes);
    }

    @Test
    void refusesToKeepNothing() {
        assertThatThrownBy(() -> new FrameRing(0, 100)).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<String> replayed(FrameRing ring, long afterId) {
        List<String> frames = new ArrayList<>();
        ring.forEachAfter(afterId, frame -> frames.add(new String(frame, StandardCharsets.US_ASCII)));
        return frames;
    }

    private static int bytes(Deque<String> frames) {
        return frames.stream().mapToInt(String::length).sum();
    }

    /** A frame of exactly {@code length} bytes that names its id, so that a mixed-up frame shows. */
    private static byte[] frame(long id, int length) {
        return text(id, length).getBytes(StandardCharsets.US_ASCII);
    }

    private static String text(long id, int length) {
        String head = "id: " + id + "\n";
        StringBuilder text = new StringBuilder(head);
        while (text.length() < length) {
            text.append((char) ('a' + (id + text.length()) % 26));
        }
        return text.substring(0, length);
    }
}
