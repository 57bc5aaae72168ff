-- Version 9: accounts that can be disabled; no lock-out state in the table any more. Failed logins are counted in
-- the server's memory per client address and account (LoginThrottle), so nobody can lock another person's account.

ALTER TABLE users ADD COLUMN disabled_at TIMESTAMP;
ALTER TABLE users DROP COLUMN failed_logins;
ALTER TABLE users DROP COLUMN locked_until;
