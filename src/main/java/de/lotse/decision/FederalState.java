package de.lotse.decision;

/** German Länder (place of work). */
public enum FederalState {
    BW, BY, BE, BB, HB, HH, HE, MV, NI, NW, RP, SL, SN, ST, SH, TH
}
