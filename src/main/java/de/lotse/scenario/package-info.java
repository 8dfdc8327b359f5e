/** Scenario files of test-cases/: reading them and checking a knowledge base against them. */
package de.lotse.scenario;
