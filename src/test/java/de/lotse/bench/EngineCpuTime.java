package de.lotse.bench;

import de.lotse.decision.CaseFacts;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Companion of {@link EngineBenchmark} for a shared machine: the same decisions and case mix, but besides wall-clock
 * throughput and latency it reports the CPU time each decision takes (thread CPU time), which other processes on the
 * machine do not inflate much. "CPU-bound capacity" = threads × 1 s / CPU time per decision: what the threads would
 * reach with a core each to themselves.
 *
 * Classic DRL speeds up over the first tens of thousands of decisions (MVEL constraints are compiled after 20
 * evaluations each, then the JIT), so the warm-up lasts {@code warmup} seconds and at least {@code warmupDecisions}.
 *
 * <pre>java -cp … de.lotse.bench.EngineCpuTime [threads…]   (-Dwarmup=10 -DwarmupDecisions=30000 -Dseconds=10)</pre>
 */
public final class EngineCpuTime {

    private EngineCpuTime() {
    }

    public static void main(String[] args) throws Exception {
        int[] threadCounts = args.length == 0 ? new int[] {1, 2} : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        int warmup = Integer.getInteger("warmup", 10);
        long warmupDecisions = Long.getLong("warmupDecisions", 30_000);
        int seconds = Integer.getInteger("seconds", 10);
        CaseMix mix = new CaseMix();
        System.out.println("# Lotse: " + mix.describe());
        for (int threads : threadCounts) {
            run(mix, threads, warmup, warmupDecisions, seconds);
        }
    }

    private static void run(CaseMix mix, int threads, int warmup, long warmupDecisions, int seconds) throws Exception {
        java.util.concurrent.atomic.AtomicLong warmed = new java.util.concurrent.atomic.AtomicLong();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        AtomicBoolean measuring = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        long[] ops = new long[threads];
        long[] cpu = new long[threads];
        long[][] latencies = new long[threads][];
        CyclicBarrier start = new CyclicBarrier(threads + 1);
        CountDownLatch done = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            int id = t;
            Thread worker = new Thread(() -> {
                CaseFacts[] cases = mix.cases();
                long[] lat = new long[1 << 20];
                int n = 0;
                int next = 0;
                long cpuStart = 0;
                boolean counted = false;
                try {
                    start.await();
                    while (!stop.get()) {
                        if (!counted && measuring.get()) {
                            counted = true;
                            cpuStart = mx.getCurrentThreadCpuTime();
                        }
                        long t0 = System.nanoTime();
                        mix.decisions.decide(cases[next]);
                        long took = System.nanoTime() - t0;
                        if (!counted) {
                            warmed.incrementAndGet();
                        }
                        next = next + 1 == cases.length ? 0 : next + 1;
                        if (counted && n < lat.length) {
                            lat[n++] = took;
                        }
                    }
                    cpu[id] = mx.getCurrentThreadCpuTime() - cpuStart;
                    ops[id] = n;
                    latencies[id] = Arrays.copyOf(lat, n);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                } finally {
                    done.countDown();
                }
            }, "engine-" + t);
            worker.start();
        }
        String load = loadAverage();
        start.await();
        long warmupStart = System.nanoTime();
        while (System.nanoTime() - warmupStart < warmup * 1_000_000_000L || warmed.get() < warmupDecisions) {
            Thread.sleep(100);
        }
        double warmupSeconds = (System.nanoTime() - warmupStart) / 1e9;
        measuring.set(true);
        long wallStart = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        done.await();
        double wall = (System.nanoTime() - wallStart) / 1e9;
        long total = Arrays.stream(ops).sum();
        long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
        double cpuPerDecision = Arrays.stream(cpu).sum() / 1e3 / total;
        System.out.printf("threads=%d  %8.0f decisions/s (wall)  latency p50 %6.0f us  p99 %6.0f us  |  CPU %6.0f us per"
                        + " decision  ->  CPU-bound capacity %7.0f decisions/s  (warm-up %.0f s, %d decisions; load"
                        + " before: %s)%n",
                threads, total / wall, percentile(all, 0.50), percentile(all, 0.99), cpuPerDecision,
                threads * 1e6 / cpuPerDecision, warmupSeconds, warmed.get(), load);
    }

    private static double percentile(long[] sorted, double p) {
        return sorted.length == 0 ? Double.NaN : sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))] / 1e3;
    }

    private static String loadAverage() {
        try {
            String[] parts = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (Exception e) {
            return "?";
        }
    }
}
