package io.synod.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU seconds spent per kind of process (from /proc, Linux): where a co-located run's two cores went.
 * Take a snapshot before and after a phase and print the difference.
 */
final class CpuAccount {
    private static final List<String> KINDS = List.of("anvil", "kafka.Kafka", "postgres", "bridge-service",
            "voting-service", "proposal-service");
    private static final double TICKS = 100.0; // USER_HZ on Linux

    private CpuAccount() {}

    static Map<String, Double> snapshot() {
        Map<String, Double> seconds = new TreeMap<>();
        long self = ProcessHandle.current().pid();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(p -> {
                try {
                    String cmd = Files.readString(p.resolve("cmdline")).replace('\0', ' ');
                    String kind = Long.parseLong(p.getFileName().toString()) == self ? "harness"
                            : KINDS.stream().filter(cmd::contains).findFirst().orElse(null);
                    if (kind == null) {
                        return;
                    }
                    String stat = Files.readString(p.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    // fields 14 and 15 of stat (utime, stime) are 11 and 12 after the command name
                    double s = (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS;
                    seconds.merge(kind.replace("kafka.Kafka", "kafka"), s, Double::sum);
                } catch (IOException | RuntimeException e) {
                    // a process that ended between list and read: not ours to count
                }
            });
        } catch (IOException e) {
            return seconds;
        }
        // the machine as a whole: idle time, waiting for the disk (iowait), and time the hypervisor gave to others
        // (steal) — a run that was not CPU-bound, or was robbed, says so
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            seconds.put("(idle)", Long.parseLong(cpu[4]) / TICKS);
            seconds.put("(iowait)", Long.parseLong(cpu[5]) / TICKS);
            seconds.put("(steal)", Long.parseLong(cpu[8]) / TICKS);
        } catch (IOException | RuntimeException e) {
            // not Linux: process figures only
        }
        return seconds;
    }

    /**
     * The guest's idle policy, when it has one: with halt polling off (a microVM's default here), an idle vCPU
     * halts at once and every wake-up of a thread on it is a trip through the hypervisor — a pipeline of
     * processes handing work to each other pays that on each hand-off (docs/BENCHMARKS.md).
     */
    static String idlePolicy() {
        try {
            String driver = Files.readString(Path.of("/sys/devices/system/cpu/cpuidle/current_driver")).trim();
            Path poll = Path.of("/sys/module/haltpoll/parameters/guest_halt_poll_ns");
            return "cpuidle " + driver + (Files.exists(poll) ? ", guest_halt_poll_ns=" + Files.readString(poll).trim() : "");
        } catch (IOException | RuntimeException e) {
            return "cpuidle unknown";
        }
    }

    /** "bridge-service 4.1s, anvil 1.2s, …", largest first. */
    static String since(Map<String, Double> before) {
        Map<String, Double> after = snapshot();
        StringBuilder out = new StringBuilder();
        after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0.0)))
                .filter(e -> e.getValue() >= 0.05)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> out.append(out.isEmpty() ? "" : ", ").append(String.format("%s %.1fs", e.getKey(), e.getValue())));
        return out.toString();
    }
}
