/**
 * When a card is picked up: by a mouse once it has moved a few pixels (a click on the title
 * still opens the task), by a finger once it has held still on the card for a moment (a swipe
 * across the cards scrolls the page instead of moving a task).
 */
export const MOUSE_ACTIVATION = { distance: 6 };
export const TOUCH_ACTIVATION = { delay: 250, tolerance: 8 };
