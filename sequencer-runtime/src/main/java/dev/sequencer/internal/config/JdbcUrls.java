package dev.sequencer.internal.config;

import java.util.regex.Pattern;

/** JDBC URLs as they may be shown: without passwords. */
public final class JdbcUrls {

    private static final Pattern USER_INFO = Pattern.compile("//[^/@?;]*@");
    private static final Pattern SECRET_PARAMETER =
            Pattern.compile("(?i)((?:password|passwd|pwd|pass|secret|token)[a-z_]*=)[^&;]*");

    private JdbcUrls() {}

    /** {@code url} with credentials in its user-info part and password-like parameters replaced by {@code ***}. */
    public static String redact(String url) {
        if (url == null) {
            return "(no URL)";
        }
        String withoutUserInfo = USER_INFO.matcher(url).replaceFirst("//***@");
        return SECRET_PARAMETER.matcher(withoutUserInfo).replaceAll("$1***");
    }
}
