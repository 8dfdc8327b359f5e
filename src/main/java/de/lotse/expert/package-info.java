/** Tools for legal experts who change rules/: the check against test-cases/, the impact of a change, the sample corpus. */
package de.lotse.expert;
