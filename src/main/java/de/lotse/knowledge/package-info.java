/** Loading, validating and versioning the rules folder; the only package that touches the KIE API. */
package de.lotse.knowledge;
