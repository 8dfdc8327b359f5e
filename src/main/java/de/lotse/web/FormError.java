package de.lotse.web;

/**
 * A problem with one field, in the page's language. {@code path} is the form field ("" for the case as a whole),
 * {@code anchor} the id of the input to jump to from the error summary.
 */
public record FormError(String path, String anchor, String message) {
}
