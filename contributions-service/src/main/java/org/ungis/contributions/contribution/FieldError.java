package org.ungis.contributions.contribution;

/**
 * One problem with one input field.
 *
 * @param field the field name as the client spells it, e.g. {@code sdgs[2]}
 * @param message what is wrong, for a person
 */
public record FieldError(String field, String message) {}
