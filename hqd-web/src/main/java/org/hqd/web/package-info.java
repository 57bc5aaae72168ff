/**
 * The web adapter (DESIGN §7, issue #6): one Javalin server with a JSON API and pages in Chinese built on it
 * (Apache ECharts, no front-end build). Every API request is authenticated by a session cookie and scoped on the
 * server by the user's role; every login, failed login, export and setting change goes to the audit log.
 */
package org.hqd.web;
