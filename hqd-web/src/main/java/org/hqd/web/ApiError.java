package org.hqd.web;

/** The JSON body of every error response: a message in Chinese for the user. */
record ApiError(int status, String error) {
}
