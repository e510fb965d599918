/** Characters an email and a full name may hold (the users table's columns), for the API and the forms. */
export const EMAIL_MAX = 254;
export const FULL_NAME_MAX = 150;
