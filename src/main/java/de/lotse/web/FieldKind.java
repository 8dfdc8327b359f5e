package de.lotse.web;

/** How a form field is entered and how its text becomes a value of the decision request. */
public enum FieldKind {
    /** free text, sent as it is */
    TEXT,
    /** a whole number */
    INTEGER,
    /** a number, possibly with decimals */
    DECIMAL,
    /** a date (ISO from the date picker, or DD.MM.YYYY typed) */
    DATE,
    /** one value of a fixed list (an enum of the request) */
    CHOICE,
    /** yes / no / not known */
    YES_NO,
    /** the citizenships, picked by name from the country list */
    COUNTRIES,
    /** the profession, from the catalogue of the rules */
    PROFESSION,
    /** an ISCO-08 code, with suggestions from the profession catalogue */
    ISCO,
    /** whether a part of the request is there at all (the job offer) */
    SECTION_SWITCH
}
