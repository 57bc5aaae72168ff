package org.hqd.access;

import java.util.Objects;
import java.util.Optional;
import org.hqd.HqdException;

/**
 * A user of the web application: a hospital user has a hospital; a department user a hospital and a department;
 * a regulator optionally a region (province, city or county code).
 */
public record User(String name, Role role, Optional<String> hospital, Optional<String> department,
                   Optional<String> region) {
    public User {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        if (!name.matches("[A-Za-z0-9_.@-]{2,64}")) {
            throw new HqdException("用户名应为 2–64 个字母、数字或 _ . @ -，实际为 '" + name + "'");
        }
        if ((role == Role.HOSPITAL || role == Role.DEPARTMENT) && hospital.isEmpty()) {
            throw new HqdException(role.label() + "用户必须指定医院（--hospital）");
        }
        if (role == Role.DEPARTMENT && department.isEmpty()) {
            throw new HqdException("科室用户必须指定科室（--department）");
        }
        if (role != Role.HOSPITAL && role != Role.DEPARTMENT && hospital.isPresent()) {
            throw new HqdException(role.label() + "用户不属于某家医院，不能指定 --hospital");
        }
        if (role != Role.DEPARTMENT && department.isPresent()) {
            throw new HqdException("只有科室用户可以指定 --department");
        }
        if (role != Role.REGULATOR && region.isPresent()) {
            throw new HqdException("只有卫生健康委用户可以指定 --region");
        }
    }
}
