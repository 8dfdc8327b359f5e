package de.lotse.web;

/** A piece of text for a page, with the address it links to, or {@code null} when it links nowhere. */
public record LinkedText(String text, String url) {
}
