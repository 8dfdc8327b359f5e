package de.lotse.decision.facts;

/**
 * Points for one criterion of a points system (Opportunity Card, § 20b AufenthG). In a consequence:
 * {@code insert(PointsAward.of("OPPORTUNITY_CARD", "AGE_UNDER_35", $points, "§ 20b Abs. 1 Nr. 9 AufenthG"));}
 */
public final class PointsAward implements RuleOutput {

    private final String pathway;
    private final String criterion;
    private final int points;
    private final String legalBasis;

    private PointsAward(String pathway, String criterion, int points, String legalBasis) {
        this.pathway = pathway;
        this.criterion = criterion;
        this.points = points;
        this.legalBasis = legalBasis;
    }

    public static PointsAward of(String pathway, String criterion, Number points, String legalBasis) {
        return new PointsAward(pathway, criterion, points.intValue(), legalBasis);
    }

    @Override
    public String getPathway() { return pathway; }
    public String getCriterion() { return criterion; }
    public int getPoints() { return points; }
    public String getLegalBasis() { return legalBasis; }

    @Override
    public String toString() { return "PointsAward[" + pathway + " " + criterion + " " + points + "]"; }
}
