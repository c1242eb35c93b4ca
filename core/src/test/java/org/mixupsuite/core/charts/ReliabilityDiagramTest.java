package org.mixupsuite.core.charts;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixupsuite.core.train.Calibration;

class ReliabilityDiagramTest {

    @TempDir
    Path run;

    @Test
    void drawsTheConditionsBinsFromTheRunFolderAlone() throws Exception {
        assertFalse(ReliabilityDiagram.drawIfAny(run), "no bins, no chart");
        double[] confidence = {0.95, 0.9, 0.6, 0.55, 0.99, 0.7};
        boolean[] correct = {true, true, false, true, true, false};
        for (long seed = 0; seed < 2; seed++) {
            Calibration.of(confidence, correct).write(Calibration.file(run, "erm", "c00-erm", seed));
            Calibration.of(confidence, correct).write(Calibration.file(run, "mixup", "c00-mixup-a32", seed));
        }
        assertTrue(Files.readString(Calibration.file(run, "erm", "c00-erm", 1)).startsWith("bin,low,high,count,confidence,accuracy"));
        assertTrue(ReliabilityDiagram.drawIfAny(run));
        assertTrue(Files.size(run.resolve(ReliabilityDiagram.CHART)) > 5_000);
    }
}
