package org.switchboard.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class InListsTest {

    private static List<Integer> upTo(int n) {
        return IntStream.rangeClosed(1, n).boxed().toList();
    }

    @Test
    void shortListsArePaddedToEightWithCopiesOfTheLastValue() {
        assertThat(InLists.padded(List.of("a"))).containsExactly("a", "a", "a", "a", "a", "a", "a", "a");
        assertThat(InLists.padded(List.of(1L, 2L, 3L))).containsExactly(1L, 2L, 3L, 3L, 3L, 3L, 3L, 3L);
    }

    @Test
    void longerListsArePaddedToTheNextPowerOfTwo() {
        assertThat(InLists.padded(upTo(8))).isEqualTo(upTo(8));
        assertThat(InLists.padded(upTo(9))).hasSize(16).startsWith(upTo(9).toArray(Integer[]::new)).endsWith(9, 9);
        assertThat(InLists.padded(upTo(500))).hasSize(512).containsAll(upTo(500)).doesNotContain(501);
        assertThat(InLists.padded(List.of())).isEmpty();
    }

    @Test
    void batchesOfOneToFiveHundredGiveSevenTextsOfAQuery() {
        long texts = IntStream.rangeClosed(1, 500).mapToObj(n -> InLists.placeholders(InLists.padded(upTo(n)).size()))
                .distinct().count();
        assertThat(texts).isEqualTo(7);
    }
}
