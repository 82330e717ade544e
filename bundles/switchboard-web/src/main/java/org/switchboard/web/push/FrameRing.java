package org.switchboard.web.push;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * One agent's latest frames, kept for replay: at most {@code maxFrames} of them and at most
 * {@code maxBytes} bytes, the oldest going first.
 *
 * <p>The frames are copied into one array that is reused, and their ids and places into arrays of
 * primitives. A frame kept in an object of its own lives for as long as a hundred pops take, long
 * enough for the collector to move it to the old generation, where it dies: at 200 pops a second that
 * was most of what filled the old generation, and every full collection stops the pops for longer
 * than their target. The array grows (doubling, from a few kilobytes) only until it holds what is
 * kept. Not thread-safe: the owner synchronizes.
 */
final class FrameRing {
    static final int INITIAL_BYTES = 8 * 1024;

    private final int maxBytes;
    private final long[] ids;
    private final int[] starts;
    private final int[] lengths;
    private byte[] bytes;
    /** Index (in {@link #ids}) of the oldest frame kept. */
    private int first;
    private int count;

    FrameRing(int maxFrames, int maxBytes) {
        if (maxFrames < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("a frame ring keeps at least one frame and one byte");
        }
        this.maxBytes = maxBytes;
        ids = new long[maxFrames];
        starts = new int[maxFrames];
        lengths = new int[maxFrames];
        bytes = new byte[Math.min(INITIAL_BYTES, maxBytes)];
    }

    /**
     * Keeps a copy of the frame as the newest, dropping the oldest ones to make room. A frame longer than
     * {@code maxBytes} is not kept, and neither is anything before it: a replay must not skip a frame.
     */
    void add(long id, byte[] frame) {
        int length = frame.length;
        if (length > maxBytes) {
            count = 0;
            return;
        }
        if (count == ids.length) {
            dropOldest();
        }
        int at = placeFor(length);
        if (at < 0 && bytes.length < maxBytes) {
            grow(length);
            at = placeFor(length);
        }
        while (at < 0) {
            dropOldest();
            at = placeFor(length);
        }
        System.arraycopy(frame, 0, bytes, at, length);
        int slot = slot(count);
        ids[slot] = id;
        starts[slot] = at;
        lengths[slot] = length;
        count++;
    }

    /** Hands a copy of every kept frame with an id above {@code afterId} to {@code sink}, oldest first. */
    void forEachAfter(long afterId, Consumer<byte[]> sink) {
        for (int i = 0; i < count; i++) {
            int slot = slot(i);
            if (ids[slot] > afterId) {
                sink.accept(Arrays.copyOfRange(bytes, starts[slot], starts[slot] + lengths[slot]));
            }
        }
    }

    int capacityBytes() {
        return bytes.length;
    }

    /**
     * Where a frame of this length can go without overwriting a kept one, or -1. The kept frames lie
     * either in one run from the oldest to the newest, or (wrapped) from the oldest to near the end and
     * on from the start of the array to the newest.
     */
    private int placeFor(int length) {
        if (count == 0) {
            first = 0;
            return length <= bytes.length ? 0 : -1;
        }
        int oldest = starts[first];
        int newest = slot(count - 1);
        int end = starts[newest] + lengths[newest];
        if (starts[newest] >= oldest) {
            if (bytes.length - end >= length) {
                return end;
            }
            return oldest >= length ? 0 : -1;
        }
        return oldest - end >= length ? end : -1;
    }

    /** Where the {@code i}-th kept frame (0: the oldest) is in {@link #ids}, {@link #starts} and {@link #lengths}. */
    private int slot(int i) {
        return (first + i) % ids.length;
    }

    private void dropOldest() {
        first = (first + 1) % ids.length;
        count--;
    }

    /** A bigger array with the kept frames moved to its start, in order. */
    private void grow(int length) {
        int needed = length;
        for (int i = 0; i < count; i++) {
            needed += lengths[slot(i)];
        }
        int size = bytes.length;
        while (size < needed * 2 && size < maxBytes) {
            size = (int) Math.min((long) size * 2, maxBytes);
        }
        byte[] grown = new byte[size];
        int at = 0;
        for (int i = 0; i < count; i++) {
            int slot = slot(i);
            System.arraycopy(bytes, starts[slot], grown, at, lengths[slot]);
            starts[slot] = at;
            at += lengths[slot];
        }
        bytes = grown;
    }
}
