export const STARTUP_REFUSED: 78;
