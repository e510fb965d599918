/** Characters an email and a full name may hold: the users table's columns, the API's and the forms' limits. */
export const EMAIL_MAX = 254;
export const FULL_NAME_MAX = 150;
