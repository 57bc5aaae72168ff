package org.hqd.synth;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The bundled list of real hospital names ({@code real-hospital-names.txt}) a synthetic register must avoid. */
final class RealHospitalNames {
    private RealHospitalNames() {
    }

    static List<String> bundled() throws IOException {
        try (InputStream in = RealHospitalNames.class.getResourceAsStream("real-hospital-names.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        }
    }
}
