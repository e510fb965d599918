/** Set by middleware on the request: the page's path and query, for the sign-in callbackUrl. */
export const PATH_HEADER = "x-etums-path";
