package org.grokbench.modular.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ModularBenchmarkTest {

    @Test
    void quickRunMeasuresBothWorkloadsAndPrintsOneJsonObject() {
        BenchResult r = ModularBenchmark.run(BenchOptions.quick());
        assertTrue(r.eq20SingleMs() > 0 && Double.isFinite(r.eq20SingleMs()));
        assertTrue(r.eq20ParallelMs() > 0 && Double.isFinite(r.eq20ParallelMs()));
        assertTrue(r.mlpStepUs() > 0 && Double.isFinite(r.mlpStepUs()));
        assertTrue(r.normMinProbeMs() > 0 && Double.isFinite(r.normMinProbeMs()));
        assertTrue(r.eq20TestAccuracy() >= 0 && r.eq20TestAccuracy() <= 1);
        assertTrue(r.mlpFinalLoss() >= 0);
        assertEquals(2, r.threads());
        String json = r.toJson();
        assertTrue(json.startsWith("{") && json.endsWith("}") && !json.contains("\n"));
        assertTrue(json.contains("\"eq20_java_f64_1t_ms\": ") && json.contains("\"eq20_java_f64_2t_ms\": ")
                && json.contains("\"mlp_java_f64_us\": ") && json.contains("\"normmin_probe_ms\": "));
    }
}
