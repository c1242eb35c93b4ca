package org.mixupsuite.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryLogTest {

    @TempDir
    Path tmp;

    record Arm(String method) implements Condition {
        @Override
        public String slug() {
            return method;
        }
    }

    @Test
    void rowsFollowThePlanNotTheOrderInWhichRunsFinish() throws Exception {
        HistoryLog log = new HistoryLog(tmp.resolve("history.csv"));
        // parallel runs: the second and third of the plan finish before the first
        for (String id : List.of("mixup-seed0", "mixup-dropout-seed0", "erm-seed0")) {
            log.reserve(id);
        }
        log.set("erm-seed0", new Arm("erm"), 0, List.of(Map.of("epoch", 1)));
        log.set("mixup-dropout-seed0", new Arm("mixup-dropout"), 0, List.of(Map.of("epoch", 1), Map.of("epoch", 2)));
        log.flush();
        assertEquals(List.of("condition,method,seed,epoch", "mixup-dropout,mixup-dropout,0,1",
                "mixup-dropout,mixup-dropout,0,2", "erm,erm,0,1"), Files.readAllLines(tmp.resolve("history.csv")));
        log.set("mixup-seed0", new Arm("mixup"), 0, List.of(Map.of("epoch", 1)));
        log.flush();
        assertEquals(List.of("condition,method,seed,epoch", "mixup,mixup,0,1", "mixup-dropout,mixup-dropout,0,1",
                "mixup-dropout,mixup-dropout,0,2", "erm,erm,0,1"), Files.readAllLines(tmp.resolve("history.csv")));
    }
}
