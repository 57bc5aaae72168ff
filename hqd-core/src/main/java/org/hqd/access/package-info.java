/**
 * Who may see what (DESIGN §7): roles, users, the scope of a user's queries, and password hashing. Storage and
 * HTTP are adapters elsewhere.
 */
package org.hqd.access;
