package dev.parley.shared.reactors;

import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;

/**
 * The events this node decoded lately, so that the reactors taking one event (automation, routing, reports, webhooks,
 * notifications...) decode its JSON once between them instead of once each. A fixed ring of slots chosen by the event's
 * id: a newer event simply takes an older one's slot. A hit needs the same id, type and payload text, so two databases
 * in one JVM (tests) or a reused id never share a decoded event. Events are immutable records: sharing one is safe.
 */
final class DecodedEvents {

    private static final int SLOTS = 1 << 14;

    private record Entry(long id, String type, String payload, Object event) {
    }

    private final AtomicReferenceArray<Entry> ring = new AtomicReferenceArray<>(SLOTS);

    Object get(long id, String type, String payload, Supplier<Object> decode) {
        int slot = (int) (id & (SLOTS - 1));
        Entry known = ring.get(slot);
        if (known != null && known.id() == id && known.type().equals(type) && known.payload().equals(payload)) return known.event();
        Object event = decode.get();
        ring.set(slot, new Entry(id, type, payload, event));
        return event;
    }
}
