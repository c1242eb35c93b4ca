package org.mixupsuite.core.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Prints metrics.json's conditions as one readable line each. */
final class Summary {

    private Summary() {
    }

    @SuppressWarnings("unchecked")
    static void print(Map<String, Object> metrics, PrintStream out) {
        for (Map<String, Object> c : (List<Map<String, Object>>) metrics.get("conditions")) {
            StringBuilder settings = new StringBuilder();
            StringBuilder figures = new StringBuilder();
            for (Map.Entry<String, Object> e : c.entrySet()) {
                String k = e.getKey();
                Object v = e.getValue();
                if (k.endsWith("_per_seed") || k.endsWith("_mean") || k.equals("status_per_seed") || k.equals("message")) {
                    continue;
                }
                if (k.endsWith("_ci95")) {
                    continue;
                }
                boolean isFigure = k.contains("error") || k.contains("modes") || k.contains("fraction");
                StringBuilder target = isFigure ? figures : settings;
                target.append(k).append('=').append(format(v));
                Object ci = c.get(k + "_ci95");
                if (isFigure && ci instanceof Number) {
                    target.append(" ±").append(format(ci));
                }
                target.append("  ");
            }
            out.println(settings.toString().trim() + "\n    " + figures.toString().trim());
        }
    }

    private static String format(Object v) {
        if (v instanceof Double d) {
            return String.format(Locale.ROOT, "%.2f", d);
        }
        return String.valueOf(v);
    }
}
