package org.mixupsuite.core.run;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mixupsuite.core.cli.Named;

/** One cell of a study's design (one method on one setting), run once per seed. */
public interface Condition {

    /** Unique within the run and safe as a file name, e.g. {@code c50-mixup-a8}. */
    String slug();

    /**
     * What this condition is, with the contract's names (model, method, alpha, dropout, corruption...).
     * A record's are its components, in order, a {@link Named} one by its name.
     */
    default Map<String, Object> settings() {
        if (!(this instanceof Record)) {
            throw new UnsupportedOperationException(getClass().getName() + " is no record: it must list its settings");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        for (RecordComponent c : getClass().getRecordComponents()) {
            try {
                // a study may keep its condition record package-private
                c.getAccessor().trySetAccessible();
                Object value = c.getAccessor().invoke(this);
                m.put(c.getName(), value instanceof Named n ? n.label() : value);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + c.getName() + " of " + getClass().getName(), e);
            }
        }
        return m;
    }
}
