package org.grokbench.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RunOutputWriterTest {
    @Test
    void csvCellsQuoteWhenNeededAndLeaveNaNEmpty() {
        assertEquals("λ = 0.01", RunOutputWriter.csvText("λ = 0.01"));
        assertEquals("\"start (-1, 2, 1)\"", RunOutputWriter.csvText("start (-1, 2, 1)"));
        assertEquals("\"say \"\"hi\"\"\"", RunOutputWriter.csvText("say \"hi\""));
        assertEquals("", RunOutputWriter.csvNumber(Double.NaN));
        assertEquals("1.0E-5", RunOutputWriter.csvNumber(1e-5));
        assertEquals(0.1 + 0.2, Double.parseDouble(RunOutputWriter.csvNumber(0.1 + 0.2)), 0.0, "round-trips exactly");
    }

    @Test
    void headerListsEveryMetricInOrder() {
        assertEquals("run,step,train_loss,test_loss,weight_norm,train_acc,test_acc,dist_to_zero_loss,cos_norm_min,"
                + "update_normal,update_tangent,grad_norm_sq,cos_step,cos_init,hessian_max,hessian_min,rqi,acc_hat", RunOutputWriter.metricsHeader());
    }
}
