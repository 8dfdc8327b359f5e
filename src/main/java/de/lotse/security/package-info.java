/** Who may call what: admin HTTP Basic, the optional API key, CSRF for the form and the security headers. */
package de.lotse.security;
