package dev.sequencer.test;

/** Edits server JDBC URLs of the form {@code jdbc:<driver>://host:port/database?key=value&...}. */
final class JdbcUrls {

    private JdbcUrls() {}

    /** {@code url} with {@code key=value} added to its parameters. */
    static String withParameter(String url, String key, String value) {
        return url + (url.indexOf('?') < 0 ? '?' : '&') + key + '=' + value;
    }

    /** {@code url} with its database name (the path after {@code //host:port/}) replaced by {@code database}. */
    static String withDatabase(String url, String database) {
        int pathStart = pathStart(url);
        return url.substring(0, pathStart) + database + url.substring(pathEnd(url, pathStart));
    }

    /** The database name of {@code url}, possibly empty. */
    static String database(String url) {
        int pathStart = pathStart(url);
        return url.substring(pathStart, pathEnd(url, pathStart));
    }

    /** The URL up to the host, without parameters or credentials, for messages: {@code jdbc:postgresql://db:5432}. */
    static String server(String url) {
        int hostStart = url.indexOf("//");
        if (hostStart < 0) {
            int colon = url.indexOf(':', "jdbc:".length());
            return colon < 0 ? url : url.substring(0, colon + 1);
        }
        int end = hostStart + 2;
        while (end < url.length() && "/?;".indexOf(url.charAt(end)) < 0) {
            end++;
        }
        String server = url.substring(0, end);
        int at = server.lastIndexOf('@'); // user:password@host
        return at < 0 ? server : server.substring(0, hostStart + 2) + server.substring(at + 1);
    }

    private static int pathStart(String url) {
        int hostStart = url.indexOf("//");
        int slash = hostStart < 0 ? -1 : url.indexOf('/', hostStart + 2);
        if (slash < 0) {
            throw new IllegalArgumentException(
                    "No database name in " + server(url) + ": expected jdbc:<driver>://host:port/database");
        }
        return slash + 1;
    }

    private static int pathEnd(String url, int pathStart) {
        int end = pathStart;
        while (end < url.length() && "?;&".indexOf(url.charAt(end)) < 0) {
            end++;
        }
        return end;
    }
}
