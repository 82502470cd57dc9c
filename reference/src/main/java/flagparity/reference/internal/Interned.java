package flagparity.reference.internal;

import java.util.concurrent.atomic.AtomicReference;

/**
 * A small identity-keyed table of values derived once and then shared: the reference's reasons
 * and served variables per audience path, made on the first lookup that takes a path and read by
 * every later one without allocating or locking. Copy-on-write; a lost race only makes a value
 * twice, and one of them is kept. Past {@link #CAPACITY} entries (an audience with that many
 * distinct paths) new values are returned without being kept.
 */
public final class Interned<K, V> {
    /** Entries kept per table. */
    public static final int CAPACITY = 64;

    private static final Object[] EMPTY = new Object[0];

    /** Keys and values alternating. */
    private final AtomicReference<Object[]> entries = new AtomicReference<>(EMPTY);

    /** The value kept for {@code key} (compared by identity), or null. */
    @SuppressWarnings("unchecked")
    public V get(K key) {
        Object[] e = entries.get();
        for (int i = 0; i < e.length; i += 2) {
            if (e[i] == key) return (V) e[i + 1];
        }
        return null;
    }

    /** Keeps {@code value} for {@code key} unless one is kept already; returns the one kept (or {@code value} when full). */
    @SuppressWarnings("unchecked")
    public V putIfAbsent(K key, V value) {
        while (true) {
            Object[] e = entries.get();
            for (int i = 0; i < e.length; i += 2) {
                if (e[i] == key) return (V) e[i + 1];
            }
            if (e.length >= 2 * CAPACITY) return value;
            Object[] grown = java.util.Arrays.copyOf(e, e.length + 2);
            grown[e.length] = key;
            grown[e.length + 1] = value;
            if (entries.compareAndSet(e, grown)) return value;
        }
    }
}
