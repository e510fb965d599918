// A server process that refuses to start exits with this code (sysexits' EX_CONFIG): its settings,
// log file or database are wrong, so npm start's supervisor stops instead of starting another.
export const STARTUP_REFUSED = 78;
