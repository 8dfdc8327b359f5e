package de.lotse.decision;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The person to be employed. In a rule: {@code Candidate(age >= 45)}. */
@JsonPropertyOrder({"citizenships", "age", "birthDate", "residence", "germanLevel", "englishLevel",
        "priorStayInGermanyMonths", "monthlyFundsEur", "spouseMeetsOpportunityCardRequirements",
        "spouseApplyingTogether", "adequatePensionProvision"})
public class Candidate {

    @Size(max = 10)
    private List<@Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code in capitals, e.g. IN or XK") String> citizenships;
    @Min(0) @Max(120)
    private Integer age;
    private LocalDate birthDate;
    private Place residence;
    private GermanLevel germanLevel;
    private EnglishLevel englishLevel;
    @Min(0) @Max(1200)
    private Integer priorStayInGermanyMonths;
    @DecimalMin("0") @DecimalMax("10000000")
    private BigDecimal monthlyFundsEur;
    private Boolean spouseMeetsOpportunityCardRequirements;
    private Boolean spouseApplyingTogether;
    /** Extension: evidence of adequate old-age provision (45+ rule, § 18 Abs. 2 Nr. 5 AufenthG). */
    private Boolean adequatePensionProvision;

    public List<String> getCitizenships() { return citizenships; }
    public void setCitizenships(List<String> citizenships) { this.citizenships = citizenships; }
    public Integer getAge() { return age; }
    public void setAge(Integer age) { this.age = age; }
    public LocalDate getBirthDate() { return birthDate; }
    public void setBirthDate(LocalDate birthDate) { this.birthDate = birthDate; }
    public Place getResidence() { return residence; }
    public void setResidence(Place residence) { this.residence = residence; }
    public GermanLevel getGermanLevel() { return germanLevel; }
    public void setGermanLevel(GermanLevel germanLevel) { this.germanLevel = germanLevel; }
    public EnglishLevel getEnglishLevel() { return englishLevel; }
    public void setEnglishLevel(EnglishLevel englishLevel) { this.englishLevel = englishLevel; }
    public Integer getPriorStayInGermanyMonths() { return priorStayInGermanyMonths; }
    public void setPriorStayInGermanyMonths(Integer priorStayInGermanyMonths) { this.priorStayInGermanyMonths = priorStayInGermanyMonths; }
    public BigDecimal getMonthlyFundsEur() { return monthlyFundsEur; }
    public void setMonthlyFundsEur(BigDecimal monthlyFundsEur) { this.monthlyFundsEur = monthlyFundsEur; }
    public Boolean getSpouseMeetsOpportunityCardRequirements() { return spouseMeetsOpportunityCardRequirements; }
    public void setSpouseMeetsOpportunityCardRequirements(Boolean v) { this.spouseMeetsOpportunityCardRequirements = v; }
    public Boolean getSpouseApplyingTogether() { return spouseApplyingTogether; }
    public void setSpouseApplyingTogether(Boolean spouseApplyingTogether) { this.spouseApplyingTogether = spouseApplyingTogether; }
    public Boolean getAdequatePensionProvision() { return adequatePensionProvision; }
    public void setAdequatePensionProvision(Boolean adequatePensionProvision) { this.adequatePensionProvision = adequatePensionProvision; }
}
