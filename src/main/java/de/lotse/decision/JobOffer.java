package de.lotse.decision;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;

/** A concrete job offer; absent from a case when there is none. In a rule: {@code JobOffer(annualGrossSalaryEur >= $threshold)}. */
@JsonPropertyOrder({"annualGrossSalaryEur", "iscoCode", "qualifiedEmployment", "matchesQualification", "weeklyHours",
        "employerCollectiveAgreement", "federalState", "acceleratedProcedure", "contractMonths"})
public class JobOffer {

    @DecimalMin("0") @DecimalMax("100000000")
    private BigDecimal annualGrossSalaryEur;
    @Pattern(regexp = "\\d{2,4}", message = "must be an ISCO-08 code of 2 to 4 digits, e.g. 2512")
    private String iscoCode;
    private Boolean qualifiedEmployment;
    private Boolean matchesQualification;
    @DecimalMin(value = "0", inclusive = false) @DecimalMax("168")
    private BigDecimal weeklyHours;
    private Boolean employerCollectiveAgreement;
    private FederalState federalState;
    private Boolean acceleratedProcedure;
    /** Extension: length of the employment contract in months (Blue Card: at least 6), absent = open-ended or unknown. */
    @Min(1) @Max(600)
    private Integer contractMonths;

    public BigDecimal getAnnualGrossSalaryEur() { return annualGrossSalaryEur; }
    public void setAnnualGrossSalaryEur(BigDecimal v) { this.annualGrossSalaryEur = v; }
    public String getIscoCode() { return iscoCode; }
    public void setIscoCode(String iscoCode) { this.iscoCode = iscoCode; }
    public Boolean getQualifiedEmployment() { return qualifiedEmployment; }
    public void setQualifiedEmployment(Boolean qualifiedEmployment) { this.qualifiedEmployment = qualifiedEmployment; }
    public Boolean getMatchesQualification() { return matchesQualification; }
    public void setMatchesQualification(Boolean matchesQualification) { this.matchesQualification = matchesQualification; }
    public BigDecimal getWeeklyHours() { return weeklyHours; }
    public void setWeeklyHours(BigDecimal weeklyHours) { this.weeklyHours = weeklyHours; }
    public Boolean getEmployerCollectiveAgreement() { return employerCollectiveAgreement; }
    public void setEmployerCollectiveAgreement(Boolean v) { this.employerCollectiveAgreement = v; }
    public FederalState getFederalState() { return federalState; }
    public void setFederalState(FederalState federalState) { this.federalState = federalState; }
    public Boolean getAcceleratedProcedure() { return acceleratedProcedure; }
    public void setAcceleratedProcedure(Boolean acceleratedProcedure) { this.acceleratedProcedure = acceleratedProcedure; }
    public Integer getContractMonths() { return contractMonths; }
    public void setContractMonths(Integer contractMonths) { this.contractMonths = contractMonths; }
}
