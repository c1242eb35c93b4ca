package org.mixupsuite.core.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.mixupsuite.core.run.Metrics;

/** Prints metrics.json's conditions as two readable lines each: the settings, then the figures. */
final class Summary {

    private static final Set<String> BOOKKEEPING = Set.of("seed", "seeds", "status", "status_per_seed", "message");

    private Summary() {
    }

    /** @param settingKeys the keys of a condition that describe it rather than measure it */
    @SuppressWarnings("unchecked")
    static void print(Map<String, Object> metrics, Set<String> settingKeys, PrintStream out) {
        for (Map<String, Object> c : (List<Map<String, Object>>) metrics.get("conditions")) {
            StringBuilder settings = new StringBuilder();
            StringBuilder figures = new StringBuilder();
            for (Map.Entry<String, Object> e : c.entrySet()) {
                String k = e.getKey();
                if (k.endsWith("_per_seed") || k.endsWith("_mean") || k.endsWith("_ci95") || k.equals("message")
                        || k.equals("status_per_seed")) {
                    continue;
                }
                boolean isSetting = settingKeys.contains(k) || BOOKKEEPING.contains(k)
                        || Metrics.CONTRACT_SETTINGS.contains(k);
                StringBuilder target = isSetting ? settings : figures;
                target.append(k).append('=').append(format(e.getValue()));
                if (!isSetting && c.get(k + "_ci95") instanceof Number ci) {
                    target.append(" ±").append(format(ci));
                }
                target.append("  ");
            }
            out.println(settings.toString().trim());
            out.println("    " + figures.toString().trim());
            if (c.get("message") != null) {
                out.println("    " + c.get("message"));
            }
        }
    }

    private static String format(Object v) {
        if (v instanceof Double d) {
            return d == Math.rint(d) && Math.abs(d) < 1e9 ? String.valueOf(d.longValue()) : String.format(Locale.ROOT, "%.2f", d);
        }
        return String.valueOf(v);
    }
}
