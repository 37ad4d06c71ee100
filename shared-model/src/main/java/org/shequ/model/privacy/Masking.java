package org.shequ.model.privacy;

/**
 * How personal information (PIPL) is shown to someone not entitled to it: enough to recognise, not enough to
 * contact. {@code 13812341234} → {@code 138****1234}, {@code 王芳} → {@code 王*}.
 */
public final class Masking {

    private Masking() {
    }

    /** Keeps the first three and last four digits of a mobile number; shorter numbers keep only their last two. */
    public static String phone(String phone) {
        if (phone == null || phone.isBlank()) {
            return phone;
        }
        String p = phone.strip();
        if (p.length() >= 11) {
            return p.substring(0, 3) + "*".repeat(p.length() - 7) + p.substring(p.length() - 4);
        }
        return p.length() <= 2 ? "*".repeat(p.length()) : "*".repeat(p.length() - 2) + p.substring(p.length() - 2);
    }

    /** Keeps the family name (the first character), masks the rest: 王芳 → 王*, 欧阳明 → 欧**. */
    public static String name(String name) {
        if (name == null || name.isBlank()) {
            return name;
        }
        String n = name.strip();
        int first = n.offsetByCodePoints(0, 1);
        return n.substring(0, first) + "*".repeat(Math.max(1, n.codePointCount(first, n.length())));
    }
}
