/** The v1 REST API: decisions, batch decisions, the rules description, and RFC 9457 problem documents. */
package de.lotse.api;
