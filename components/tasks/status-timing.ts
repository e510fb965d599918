/**
 * How long the status control waits for a choice to settle before saving it. Arrow keys on a
 * closed select change its value at each press: To do → Done from the keyboard passes In
 * progress, which must not be saved (and recorded in the task's history) on the way.
 */
export const STATUS_SETTLE_MS = 500;
