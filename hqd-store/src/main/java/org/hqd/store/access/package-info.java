/** The storage of access control: users, sessions and the audit log (schema v6). */
package org.hqd.store.access;
