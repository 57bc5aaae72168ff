package org.hqd.cli;

import java.security.SecureRandom;

/** The demo admin's password: 16 characters from an alphabet without look-alikes. */
final class DemoPassword {
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789";

    private DemoPassword() {
    }

    static String random() {
        SecureRandom r = new SecureRandom();
        StringBuilder s = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            s.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
        }
        return s.toString();
    }
}
