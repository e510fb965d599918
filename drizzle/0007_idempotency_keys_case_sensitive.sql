-- Custom migration: Idempotency-Keys are opaque and case-sensitive (RFC draft, as Stripe's); the
-- default case-insensitive collation made "Key-A" and "key-a" one key, so a new request could be
-- answered 409 or, with the same body, replayed instead of created. Keys are visible ASCII only.
ALTER TABLE `idempotency_keys` MODIFY `idempotency_key` varchar(255) CHARACTER SET ascii COLLATE ascii_bin NOT NULL;
