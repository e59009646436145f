package org.xbarsim.engine.timeline;

/** A first-in, first-out queue of ints in a ring buffer that grows: no allocation per item once grown. */
final class IntQueue {
    private int[] items = new int[16];
    private int head;
    private int size;

    void add(int item) {
        if (size == items.length) {
            int[] grown = new int[2 * size];
            for (int i = 0; i < size; i++) {
                grown[i] = items[(head + i) % size];
            }
            items = grown;
            head = 0;
        }
        items[(head + size) % items.length] = item;
        size++;
    }

    /** The oldest item, removed. */
    int poll() {
        if (size == 0) {
            throw new IllegalStateException("empty queue");
        }
        int item = items[head];
        head = (head + 1) % items.length;
        size--;
        return item;
    }

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }
}
