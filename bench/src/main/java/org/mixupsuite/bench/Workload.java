package org.mixupsuite.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import org.mixupsuite.core.run.Condition;

/**
 * One benchmark figure: a workload (mlp, lenet, mlp-mixup-ratio) on a framework (dl4j, or the
 * pytorch peer) with a number of OpenMP threads for its process.
 */
public record Workload(String workload, String framework, int threads) implements Condition {

    @Override
    public String slug() {
        return workload + "-" + framework + "-t" + threads;
    }

    @Override
    public Map<String, Object> settings() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("workload", workload);
        m.put("framework", framework);
        m.put("threads", threads);
        return m;
    }
}
