package org.hqd.app.payment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.hqd.HqdException;
import org.hqd.app.Actor;
import org.hqd.app.AuditTrail;
import org.hqd.app.DataAccess;
import org.hqd.casemix.dip.DipAuxiliary;
import org.hqd.casemix.dip.DipParameters;
import org.hqd.casemix.dip.OfficialDipCatalogue;
import org.hqd.payment.PaymentMethod;
import org.hqd.payment.PaymentRules;
import org.hqd.payment.PaymentRulesLoader;
import org.hqd.payment.PaymentWeights;
import org.hqd.payment.Review;
import org.hqd.payment.WeightTable;
import org.hqd.payment.WeightVersion;
import org.hqd.store.dip.DipStore;
import org.hqd.store.payment.PaymentStore;

/**
 * The insurer's official parameters: weight versions ({@code drg,weight[,base_cost]} with a rate or a point value),
 * payment rules for DRG and DIP, the cases accepted for 特病单议 and official DIP catalogues with their auxiliary
 * catalogue. Files are checked whole by the core before anything is stored; each load is one transaction with its
 * audit entry.
 */
public final class PaymentParameters {
    private final DataAccess data;
    private final Clock clock;

    public PaymentParameters(DataAccess data, Clock clock) {
        this.data = Objects.requireNonNull(data, "data");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Loads a weight version; the same file with the same name and value again changes nothing. */
    public ParametersLoaded loadWeights(Actor actor, String file, String text, String name, OptionalDouble rate,
                                        OptionalDouble pointValue) {
        if (name.isBlank()) {
            throw HqdException.withHint("权重版本需要名称", "（--name，例如 \"2025 年 CHS-DRG 2.0 权重\"）");
        }
        PaymentWeights w = WeightTable.parse(text, file, name.strip(), rate, pointValue);
        Instant now = clock.instant();
        return data.inTransaction("加载支付权重 " + file, d -> {
            PaymentStore.Loaded l = new PaymentStore(d).loadWeights(w, file, sha256(text), now, actor.name());
            if (!l.alreadyLoaded()) {
                AuditTrail.record(d, now, actor, "加载支付权重", String.format("%s：版本 %d「%s」，%d 个病组，%s",
                        AuditTrail.clip(file), l.version(), AuditTrail.clip(w.name()), w.groups().size(),
                        rate.isPresent() ? "费率 " + rate.getAsDouble() : pointValue.isPresent()
                                ? "点值 " + pointValue.getAsDouble() : "无费率与点值"));
            }
            return new ParametersLoaded(l.version(), l.alreadyLoaded(), w.groups().size(), List.of());
        });
    }

    public List<WeightVersion> weightVersions() {
        return data.with(d -> new PaymentStore(d).versions());
    }

    /** Loads payment rules for a method; they apply from now on. */
    public ParametersLoaded loadRules(Actor actor, PaymentMethod method, String file, String text) {
        PaymentRules rules = PaymentRulesLoader.parse(text, file);
        Instant now = clock.instant();
        return data.inTransaction("加载支付规则 " + file, d -> {
            int v = new PaymentStore(d).loadRules(method, rules, file, text, sha256(text), now, actor.name());
            AuditTrail.record(d, now, actor, "加载支付规则", AuditTrail.clip(file) + "：" + method.label() + " 规则 "
                    + rules.id() + "，版本 " + v);
            return new ParametersLoaded(v, false, rules.special().size(), List.of());
        });
    }

    /** The rules in force for a method. */
    public PaymentRules rules(PaymentMethod method) {
        return data.with(d -> new PaymentStore(d).rules(method));
    }

    /**
     * Accepts cases for 特病单议 from a CSV {@code hospital_id,record_id,reason}: a row without a reason or naming a
     * case the store does not hold is refused with its line; the others are stored (a case again: the new reason).
     */
    public ParametersLoaded loadReviews(Actor actor, String file, String csv) {
        String[] lines = csv.replace("\uFEFF", "").split("\r?\n");
        if (lines.length == 0 || !lines[0].replace(" ", "").startsWith("hospital_id,record_id,reason")) {
            throw new HqdException(file + " 第 1 行应为表头 hospital_id,record_id,reason");
        }
        Instant now = clock.instant();
        return data.inTransaction("加载特病单议病例 " + file, d -> {
            PaymentStore store = new PaymentStore(d);
            List<String> refused = new ArrayList<>();
            long accepted = 0;
            for (int i = 1; i < lines.length; i++) {
                if (lines[i].isBlank()) {
                    continue;
                }
                String[] f = lines[i].split(",", 3);
                String hospital = f[0].strip();
                String record = f.length > 1 ? f[1].strip() : "";
                String reason = f.length > 2 ? f[2].strip().replaceAll("^\"|\"$", "") : "";
                if (reason.isEmpty()) {
                    refused.add("第 " + (i + 1) + " 行：没有理由（特病单议须记录理由）");
                } else if (!store.caseExists(hospital, record)) {
                    refused.add("第 " + (i + 1) + " 行：数据中没有病例 " + hospital + " / " + record);
                } else {
                    store.putReview(new Review(hospital, record, reason, now, actor.name()));
                    accepted++;
                }
            }
            AuditTrail.record(d, now, actor, "特病单议", String.format("%s：接受 %d 例，拒收 %d 行", AuditTrail.clip(file),
                    accepted, refused.size()));
            return new ParametersLoaded(0, false, accepted, refused);
        });
    }

    public List<Review> reviews() {
        return data.with(d -> new PaymentStore(d).reviews());
    }

    /**
     * Loads an official DIP catalogue with its auxiliary catalogue (optional) as the DIP catalogue in force and
     * assigns every case to it; then the audit entry.
     */
    public ParametersLoaded loadDipCatalogue(Actor actor, String file, String text, Optional<String> auxFile,
                                             Optional<String> auxText, OptionalDouble pointValue) {
        OfficialDipCatalogue catalogue = OfficialDipCatalogue.parse(text, file, pointValue);
        DipAuxiliary aux = auxText.map(t -> DipAuxiliary.parse(t, auxFile.orElse("辅助目录"))).orElse(DipAuxiliary.NONE);
        Instant now = clock.instant();
        // the assignment streams the cases on one connection while it writes on another, in its own transaction
        int version = data.with(d -> new DipStore(d).loadOfficial(catalogue, aux, file, pointValue,
                DipParameters.DEFAULTS));
        data.inTransaction("记录 DIP 目录导入", d -> {
            AuditTrail.record(d, now, actor, "导入 DIP 目录", String.format("%s：版本 %d，%d 个病种，辅助目录 %d 条",
                    AuditTrail.clip(file), version, catalogue.groups().size(), aux.levels().size()));
            return null;
        });
        return new ParametersLoaded(version, false, catalogue.groups().size(), List.of());
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
