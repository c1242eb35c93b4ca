package org.mixupsuite.core.run;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Scale presets and their command-line overrides built by name instead of long positional lists:
 * {@code Presets.of(GanSettings.class, "iterations", 2000, "dSteps", 5, ...)} names every component
 * of the record once, and {@code Presets.with(preset, "iterations", 500)} copies it with some
 * replaced. A name the record lacks, a component left out, or a value of the wrong type fails at
 * once with the record's and the component's name (each study's tests build every preset).
 */
public final class Presets {

    private Presets() {
    }

    /** A record from name-value pairs that name each of its components exactly once. */
    public static <R extends Record> R of(Class<R> type, Object... namesAndValues) {
        Map<String, Object> given = pairs(type, namesAndValues);
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            String name = components[i].getName();
            if (!given.containsKey(name)) {
                throw new IllegalArgumentException(type.getSimpleName() + ": no value for " + name);
            }
            values[i] = given.get(name);
        }
        return construct(type, values);
    }

    /** A copy of {@code record} with the named components replaced. */
    @SuppressWarnings("unchecked")
    public static <R extends Record> R with(R record, Object... namesAndValues) {
        Class<R> type = (Class<R>) record.getClass();
        Map<String, Object> given = pairs(type, namesAndValues);
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            String name = components[i].getName();
            values[i] = given.containsKey(name) ? given.get(name) : read(record, components[i]);
        }
        return construct(type, values);
    }

    private static Map<String, Object> pairs(Class<?> type, Object[] namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException(type.getSimpleName() + ": names and values must come in pairs");
        }
        Map<String, RecordComponent> byName = new LinkedHashMap<>();
        for (RecordComponent c : type.getRecordComponents()) {
            byName.put(c.getName(), c);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            String name = String.valueOf(namesAndValues[i]);
            RecordComponent c = byName.get(name);
            if (c == null) {
                throw new IllegalArgumentException(type.getSimpleName() + " has no component " + name
                        + " (it has " + String.join(", ", byName.keySet()) + ")");
            }
            if (out.put(name, fit(type, c, namesAndValues[i + 1])) != null) {
                throw new IllegalArgumentException(type.getSimpleName() + ": " + name + " given twice");
            }
        }
        return out;
    }

    /** The value as the component's type; an int or long given for a double component is widened. */
    private static Object fit(Class<?> type, RecordComponent c, Object value) {
        Class<?> t = c.getType();
        boolean isDouble = t == double.class || t == Double.class;
        if (isDouble && (value instanceof Integer || value instanceof Long)) {
            return ((Number) value).doubleValue();
        }
        Class<?> boxed = t == int.class ? Integer.class : t == double.class ? Double.class : t == long.class ? Long.class
                : t == boolean.class ? Boolean.class : t;
        if (value == null ? t.isPrimitive() : !boxed.isInstance(value)) {
            throw new IllegalArgumentException(type.getSimpleName() + "." + c.getName() + " is " + t.getSimpleName()
                    + ", not " + (value == null ? "null" : value.getClass().getSimpleName()));
        }
        return value;
    }

    /** A preset's components by name, in declaration order (for help texts and dry runs). */
    public static Map<String, Object> components(Record record) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (RecordComponent c : record.getClass().getRecordComponents()) {
            out.put(c.getName(), read(record, c));
        }
        return out;
    }

    private static Object read(Record record, RecordComponent c) {
        try {
            c.getAccessor().trySetAccessible();
            return c.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + c.getName() + " of " + record.getClass().getName(), e);
        }
    }

    private static <R extends Record> R construct(Class<R> type, Object[] values) {
        Class<?>[] types = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getType).toArray(Class[]::new);
        try {
            Constructor<R> canonical = type.getDeclaredConstructor(types);
            canonical.trySetAccessible();
            return canonical.newInstance(values);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("cannot build " + type.getName(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + type.getName(), e);
        }
    }
}
