/** The advisor web form, its result page, the PDF advice protocol and the rules page for legal experts (Thymeleaf). */
package de.lotse.web;
