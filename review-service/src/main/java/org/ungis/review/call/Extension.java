package org.ungis.review.call;

import java.time.Instant;

/**
 * A later deadline granted to one agency by a chair.
 *
 * @param agency member code of the agency
 * @param deadline its own deadline
 * @param reason why it was granted
 */
public record Extension(String agency, Instant deadline, String reason) {}
