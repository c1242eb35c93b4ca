package org.mixupsuite.reports;

import java.util.Locale;

/** Number and HTML formatting shared by the report page and the check output. */
final class Format {

    private Format() {
    }

    static String value(Object v) {
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (d == Math.rint(d) && Math.abs(d) < 1e6) {
                return String.valueOf((long) d);
            }
            String text = String.format(Locale.ROOT, Math.abs(d) < 1 ? "%.3g" : "%.2f", d);
            // 0.700 reads as 0.7; trailing zeros of the fraction carry no information here
            return text.contains(".") && !text.contains("e") ? text.replaceAll("0+$", "").replaceAll("\\.$", "") : text;
        }
        return String.valueOf(v);
    }

    static String html(Object text) {
        String s = String.valueOf(text);
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
