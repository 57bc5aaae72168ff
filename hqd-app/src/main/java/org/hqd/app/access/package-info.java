/**
 * Users and sessions: checking a password, the sessions of the web application, the audit log
 * ({@link org.hqd.app.access.AccessService}); changes of users with their audit entry
 * ({@link org.hqd.app.access.UserAdministration}).
 */
@NullMarked
package org.hqd.app.access;

import org.jspecify.annotations.NullMarked;
