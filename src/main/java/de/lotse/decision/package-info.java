/** Case facts, the advice assembled from rule findings, and the port to the knowledge base. */
package de.lotse.decision;
