package de.lotse.decision;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.time.LocalDate;

/** The candidate's highest qualification. In a rule: {@code Qualification(level == QualificationLevel.ACADEMIC)}. */
@JsonPropertyOrder({"level", "acquiredIn", "profession", "trainingDurationYears", "stateRecognizedInIssuingCountry",
        "germanChamberAbroadQualification", "recognition", "academicComparability", "graduationDate", "practicePermit"})
public class Qualification {

    private QualificationLevel level;
    private Place acquiredIn;
    @Pattern(regexp = "[A-Z][A-Z_]{1,40}", message = "must be a profession code of the catalogue, e.g. NURSE")
    private String profession;
    @DecimalMin("0") @DecimalMax("20")
    private BigDecimal trainingDurationYears;
    private Boolean stateRecognizedInIssuingCountry;
    private Boolean germanChamberAbroadQualification;
    private RecognitionStatus recognition;
    private Comparability academicComparability;
    private LocalDate graduationDate;
    /** Extension: the permit to practise a regulated profession has been granted or promised (§ 18 Abs. 2 Nr. 3 AufenthG). */
    private Boolean practicePermit;

    public QualificationLevel getLevel() { return level; }
    public void setLevel(QualificationLevel level) { this.level = level; }
    public Place getAcquiredIn() { return acquiredIn; }
    public void setAcquiredIn(Place acquiredIn) { this.acquiredIn = acquiredIn; }
    public String getProfession() { return profession; }
    public void setProfession(String profession) { this.profession = profession; }
    public BigDecimal getTrainingDurationYears() { return trainingDurationYears; }
    public void setTrainingDurationYears(BigDecimal trainingDurationYears) { this.trainingDurationYears = trainingDurationYears; }
    public Boolean getStateRecognizedInIssuingCountry() { return stateRecognizedInIssuingCountry; }
    public void setStateRecognizedInIssuingCountry(Boolean v) { this.stateRecognizedInIssuingCountry = v; }
    public Boolean getGermanChamberAbroadQualification() { return germanChamberAbroadQualification; }
    public void setGermanChamberAbroadQualification(Boolean v) { this.germanChamberAbroadQualification = v; }
    public RecognitionStatus getRecognition() { return recognition; }
    public void setRecognition(RecognitionStatus recognition) { this.recognition = recognition; }
    public Comparability getAcademicComparability() { return academicComparability; }
    public void setAcademicComparability(Comparability academicComparability) { this.academicComparability = academicComparability; }
    public LocalDate getGraduationDate() { return graduationDate; }
    public void setGraduationDate(LocalDate graduationDate) { this.graduationDate = graduationDate; }
    public Boolean getPracticePermit() { return practicePermit; }
    public void setPracticePermit(Boolean practicePermit) { this.practicePermit = practicePermit; }
}
