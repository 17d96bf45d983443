package dev.sequencer.bench;

/** Settings of a benchmark run, from system properties ({@code -Dbench.*}). */
record Config(
        boolean smoke,
        int warmup,
        int reps,
        int forks,
        String postgresUrl,
        String only,
        int b2,
        int b3,
        int b4,
        int b5,
        int b6,
        int[] b7,
        int b11,
        String profile) {

    static Config fromSystemProperties() {
        boolean smoke = Boolean.getBoolean("bench.smoke");
        String pg = System.getProperty("bench.postgres.url", "").trim();
        return new Config(
                smoke,
                Integer.getInteger("bench.warmup", smoke ? 0 : 1),
                Integer.getInteger("bench.reps", smoke ? 1 : 5),
                Integer.getInteger("bench.forks", smoke ? 0 : 2),
                pg.isEmpty() ? null : pg,
                System.getProperty("bench.only", "").trim(),
                Integer.getInteger("bench.b2.n", smoke ? 10 : 2_000),
                Integer.getInteger("bench.b3.n", smoke ? 10 : 1_000),
                Integer.getInteger("bench.b4.m", smoke ? 10 : 200),
                Integer.getInteger("bench.b5.n", smoke ? 10 : 2_000),
                Integer.getInteger("bench.b6.n", smoke ? 10 : 5_000),
                smoke ? new int[] {10, 20, 40} : new int[] {100, 1_000, 10_000},
                Integer.getInteger("bench.b11.rows", smoke ? 10_000 : 1_000_000),
                System.getProperty("bench.profile", ""));
    }

    /** Whether benchmark {@code id} (B1..B11) is selected by {@code -Dbench.only=B2,B3}. */
    boolean runs(String id) {
        if (only.isEmpty()) {
            return true;
        }
        for (String s : only.split(",")) {
            if (s.trim().equalsIgnoreCase(id)) {
                return true;
            }
        }
        return false;
    }
}
