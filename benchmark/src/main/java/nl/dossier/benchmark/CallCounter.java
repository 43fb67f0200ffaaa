package nl.dossier.benchmark;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Requests the stubs received, per registry and per notable endpoint, since start-up. */
final class CallCounter {
  private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

  void count(String key) {
    counts.computeIfAbsent(key, k -> new LongAdder()).increment();
  }

  /** One {@code <key> <count>} line per key, sorted, with {@code total} for all registries. */
  String report() {
    var sorted = new TreeMap<String, Long>();
    long total = 0;
    for (var entry : counts.entrySet()) {
      long count = entry.getValue().sum();
      sorted.put(entry.getKey(), count);
      total += entry.getKey().contains(".") ? 0 : count;
    }
    var out = new StringBuilder("total ").append(total).append('\n');
    sorted.forEach((key, count) -> out.append(key).append(' ').append(count).append('\n'));
    return out.toString();
  }
}
