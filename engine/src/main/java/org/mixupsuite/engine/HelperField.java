package org.mixupsuite.engine;

import java.lang.reflect.Field;
import java.util.Optional;
import org.deeplearning4j.nn.api.Layer;

/**
 * The private {@code helper} field in which a DL4J layer class keeps its oneDNN helper, so that the
 * classes of this package can stand in for it. Empty where this DL4J version has no such field:
 * then nothing is replaced and DL4J's own helpers run.
 */
final class HelperField {

    private final Field field;

    private HelperField(Field field) {
        this.field = field;
    }

    static Optional<HelperField> of(Class<? extends Layer> owner) {
        try {
            Field f = owner.getDeclaredField("helper");
            f.setAccessible(true);
            return Optional.of(new HelperField(f));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The layer's helper; null where DL4J made none (helpers off). */
    Object get(Layer layer) {
        try {
            return field.get(layer);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + field, e);
        }
    }

    void set(Layer layer, Object helper) {
        try {
            field.set(layer, helper);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot set " + field, e);
        }
    }
}
