package org.mixupsuite.core.mixup;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.util.MathArrays;

/** Chooses, for each row of a minibatch, the row it is mixed with. */
public interface Pairing {

    int[] partners(int[] labels, RandomGenerator rng);

    String name();

    /** The paper's default: a random permutation of the same minibatch. */
    Pairing SHUFFLE = new Pairing() {
        @Override
        public int[] partners(int[] labels, RandomGenerator rng) {
            int[] p = MathArrays.natural(labels.length);
            MathArrays.shuffle(p, rng);
            return p;
        }

        @Override
        public String name() {
            return "shuffle";
        }
    };

    /** The paper's third ablation: partners only among rows of the same label (a permutation within each class). */
    Pairing SAME_LABEL = new Pairing() {
        @Override
        public int[] partners(int[] labels, RandomGenerator rng) {
            Map<Integer, List<Integer>> byLabel = new LinkedHashMap<>();
            for (int i = 0; i < labels.length; i++) {
                byLabel.computeIfAbsent(labels[i], k -> new ArrayList<>()).add(i);
            }
            int[] p = new int[labels.length];
            for (List<Integer> rows : byLabel.values()) {
                int[] order = MathArrays.natural(rows.size());
                MathArrays.shuffle(order, rng);
                for (int j = 0; j < rows.size(); j++) {
                    p[rows.get(j)] = rows.get(order[j]);
                }
            }
            return p;
        }

        @Override
        public String name() {
            return "same-label";
        }
    };
}
