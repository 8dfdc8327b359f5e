package de.lotse.decision;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import java.math.BigDecimal;

/** Professional experience related to the qualification. In a rule: {@code Experience(relevantYearsInLast5 >= 2)}. */
@JsonPropertyOrder({"relevantYearsInLast5", "relevantYearsInLast7", "itYearsInLast7"})
public class Experience {

    @DecimalMin("0") @DecimalMax("5")
    private BigDecimal relevantYearsInLast5;
    @DecimalMin("0") @DecimalMax("7")
    private BigDecimal relevantYearsInLast7;
    @DecimalMin("0") @DecimalMax("7")
    private BigDecimal itYearsInLast7;

    public BigDecimal getRelevantYearsInLast5() { return relevantYearsInLast5; }
    public void setRelevantYearsInLast5(BigDecimal v) { this.relevantYearsInLast5 = v; }
    public BigDecimal getRelevantYearsInLast7() { return relevantYearsInLast7; }
    public void setRelevantYearsInLast7(BigDecimal v) { this.relevantYearsInLast7 = v; }
    public BigDecimal getItYearsInLast7() { return itYearsInLast7; }
    public void setItYearsInLast7(BigDecimal itYearsInLast7) { this.itYearsInLast7 = itYearsInLast7; }
}
