package org.ungis.notification.notice.messaging;

import org.ungis.notification.notice.CallWatch.Call;

/**
 * What the call watch reads, keyed by process id: a call's change, or an input to it.
 *
 * @param eventId the event
 * @param call the call after a change ({@code null} for an input)
 * @param opened whether the change opened the call
 * @param contributionId the input ({@code null} for a change of the call)
 * @param agency the input's agency
 * @param withdrawn whether the input was withdrawn
 */
record CallInput(
    String eventId,
    Call call,
    boolean opened,
    String contributionId,
    String agency,
    boolean withdrawn) {}
