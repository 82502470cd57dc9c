package flagparity.wasm;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs the same task on two fresh threads at once (consecutive threads get different home slots in a pool of 2). */
final class Concurrently {
    private Concurrently() {}

    static <T> List<T> onTwoThreads(Callable<T> task) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<T>> futures = pool.invokeAll(List.of(task, task));
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) {
                try {
                    out.add(f.get());
                } catch (ExecutionException e) {
                    throw new AssertionError("a thread failed", e.getCause());
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
