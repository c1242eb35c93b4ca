package org.mixupsuite.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class EvaluationTest {

    @Test
    void aLabelTiedWithTheKthClassIsNotInTheTopK() {
        // saturated softmax: one class takes all, the label ties at 0 with eight others
        float[] saturated = {1, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        assertEquals(9, Evaluation.rivals(saturated, 3), "the winner and the 8 classes tied with the label");
        // a tie at the top is not a top-1 hit either
        assertEquals(1, Evaluation.rivals(new float[] {0.5f, 0.5f, 0f}, 1));
        // strictly ranked: the label is 3rd, inside the top 5 and outside the top 1
        assertEquals(2, Evaluation.rivals(new float[] {0.4f, 0.3f, 0.2f, 0.1f}, 2));
        assertEquals(0, Evaluation.rivals(new float[] {0.1f, 0.7f, 0.2f}, 1));
    }
}
