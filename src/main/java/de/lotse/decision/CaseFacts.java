package de.lotse.decision;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * One case as a client sends it (decision-api.md, "Request: CaseFacts"). An absent field means
 * "unknown"; an absent {@code jobOffer} means "no concrete job offer".
 */
@JsonPropertyOrder({"caseReference", "assessmentDate", "language", "candidate", "qualification", "experience", "jobOffer", "goal"})
public class CaseFacts {

    @Size(max = 64)
    private String caseReference;
    private LocalDate assessmentDate;
    private Language language;
    @Valid
    private Candidate candidate;
    @Valid
    private Qualification qualification;
    @Valid
    private Experience experience;
    @Valid
    private JobOffer jobOffer;
    private Goal goal;

    public String getCaseReference() { return caseReference; }
    public void setCaseReference(String caseReference) { this.caseReference = caseReference; }
    public LocalDate getAssessmentDate() { return assessmentDate; }
    public void setAssessmentDate(LocalDate assessmentDate) { this.assessmentDate = assessmentDate; }
    public Language getLanguage() { return language; }
    public void setLanguage(Language language) { this.language = language; }
    public Candidate getCandidate() { return candidate; }
    public void setCandidate(Candidate candidate) { this.candidate = candidate; }
    public Qualification getQualification() { return qualification; }
    public void setQualification(Qualification qualification) { this.qualification = qualification; }
    public Experience getExperience() { return experience; }
    public void setExperience(Experience experience) { this.experience = experience; }
    public JobOffer getJobOffer() { return jobOffer; }
    public void setJobOffer(JobOffer jobOffer) { this.jobOffer = jobOffer; }
    public Goal getGoal() { return goal; }
    public void setGoal(Goal goal) { this.goal = goal; }
}
