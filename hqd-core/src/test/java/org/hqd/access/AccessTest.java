package org.hqd.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Optional;
import java.util.Set;
import org.hqd.HqdException;
import org.junit.jupiter.api.Test;

final class AccessTest {
    private static final PasswordHasher FAST = new PasswordHasher(1_000, new SecureRandom());

    @Test
    void hash_matchesOnlyTheSamePassword_andIsSaltedDifferentlyEachTime() {
        String a = FAST.hash("correct horse".toCharArray());
        String b = FAST.hash("correct horse".toCharArray());

        assertThat(a).startsWith("pbkdf2-sha256$1000$").isNotEqualTo(b);
        assertThat(PasswordHasher.matches("correct horse".toCharArray(), a)).isTrue();
        assertThat(PasswordHasher.matches("correct horsf".toCharArray(), a)).isFalse();
        assertThat(PasswordHasher.matches("correct horse".toCharArray(), "md5$abc")).isFalse();
    }

    @Test
    void hash_shortPassword_isRefused() {
        assertThatThrownBy(() -> FAST.hash("short".toCharArray())).isInstanceOf(HqdException.class)
                .hasMessageContaining("至少 10 个字符");
    }

    @Test
    void standardHasher_usesSixHundredThousandIterations() {
        assertThat(new PasswordHasher(PasswordHasher.DEFAULT_ITERATIONS, new SecureRandom())
                .hash("0123456789".toCharArray())).startsWith("pbkdf2-sha256$600000$");
    }

    @Test
    void verify_withoutAStoredHash_isNo_afterTheWorkOfAStandardHash() {
        String stored = FAST.hash("correct horse".toCharArray());
        assertThat(PasswordHasher.verify("correct horse".toCharArray(), Optional.of(stored))).isTrue();
        assertThat(PasswordHasher.verify("correct horsf".toCharArray(), Optional.of(stored))).isFalse();
        assertThat(PasswordHasher.verify("correct horse".toCharArray(), Optional.empty())).isFalse();
        // the stand-in an unknown name is checked against costs what a standard hash costs
        assertThat(PasswordHasher.STAND_IN).startsWith("pbkdf2-sha256$" + PasswordHasher.DEFAULT_ITERATIONS + "$");
        assertThat(PasswordHasher.wellFormed(PasswordHasher.STAND_IN, PasswordHasher.DEFAULT_ITERATIONS)).isTrue();
    }

    @Test
    void wellFormed_acceptsOnlyThisFormWithEnoughIterations() {
        String stored = FAST.hash("correct horse".toCharArray());
        assertThat(PasswordHasher.wellFormed(stored, 1_000)).isTrue();
        assertThat(PasswordHasher.wellFormed(stored, 100_000)).isFalse();
        assertThat(PasswordHasher.wellFormed("md5$abc", 1)).isFalse();
        assertThat(PasswordHasher.wellFormed("pbkdf2-sha256$1000$!!$AAAA", 1)).isFalse();
        assertThat(PasswordHasher.wellFormed(stored + "$", 1)).isFalse();
    }

    @Test
    void user_roleAndItsBindingsMustAgree() {
        assertThatThrownBy(() -> new User("hx", Role.HOSPITAL, Optional.empty(), Optional.empty(), Optional.empty()))
                .hasMessageContaining("--hospital");
        assertThatThrownBy(() -> new User("dd", Role.DEPARTMENT, Optional.of("H1"), Optional.empty(), Optional.empty()))
                .hasMessageContaining("--department");
        assertThatThrownBy(() -> new User("aa", Role.ADMIN, Optional.of("H1"), Optional.empty(), Optional.empty()))
                .hasMessageContaining("--hospital");
        assertThatThrownBy(() -> new User("hh", Role.HOSPITAL, Optional.of("H1"), Optional.empty(), Optional.of("62")))
                .hasMessageContaining("--region");
        assertThatThrownBy(() -> new User("bad name", Role.ADMIN, Optional.empty(), Optional.empty(), Optional.empty()))
                .hasMessageContaining("用户名");
    }

    @Test
    void scope_ofEachRole() {
        Scope admin = Scope.of(new User("admin", Role.ADMIN, Optional.empty(), Optional.empty(), Optional.empty()),
                Optional.empty());
        Scope province = Scope.of(new User("wjw", Role.REGULATOR, Optional.empty(), Optional.empty(), Optional.empty()),
                Optional.empty());
        Scope city = Scope.of(new User("city", Role.REGULATOR, Optional.empty(), Optional.empty(), Optional.of("6201")),
                Optional.of(Set.of("H1", "H3")));
        Scope emptyRegion = Scope.of(new User("none", Role.REGULATOR, Optional.empty(), Optional.empty(),
                Optional.of("9999")), Optional.empty());
        Scope hospital = Scope.of(new User("h1", Role.HOSPITAL, Optional.of("H1"), Optional.empty(), Optional.empty()),
                Optional.empty());
        Scope dept = Scope.of(new User("d1", Role.DEPARTMENT, Optional.of("H1"), Optional.of("内科"), Optional.empty()),
                Optional.empty());

        assertThat(admin.allowsHospital("H2")).isTrue();
        assertThat(admin.admin()).isTrue();
        assertThat(province.allowsHospital("H2")).isTrue();
        assertThat(province.admin()).isFalse();
        assertThat(city.allowsHospital("H3")).isTrue();
        assertThat(city.allowsHospital("H2")).isFalse();
        assertThat(city.ownHospital()).isEmpty();
        assertThat(emptyRegion.allowsHospital("H1")).isFalse(); // a region without hospitals sees nothing
        assertThat(hospital.allowsHospital("H1")).isTrue();
        assertThat(hospital.allowsHospital("H2")).isFalse();
        assertThat(hospital.ownHospital()).contains("H1");
        assertThat(hospital.allowsDepartment("H1", "外科")).isTrue();
        assertThat(dept.allowsDepartment("H1", "内科")).isTrue();
        assertThat(dept.allowsDepartment("H1", "外科")).isFalse();
        assertThat(dept.allowsDepartment("H2", "内科")).isFalse();
        assertThat(dept.ownHospital()).contains("H1");
    }
}
