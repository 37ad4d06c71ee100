package org.shequ.testing;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Shequ metric families of a Prometheus scrape that carry no HELP text: an operator reading the scrape (or
 * {@code promtool check metrics}) must be told what each one counts.
 */
public final class MetricsHelp {

    private static final Pattern SAMPLE = Pattern.compile("(?m)^(shequ_[a-zA-Z0-9_]+?)(?:_total|_count|_sum|_max|_bucket)?(?:\\{| )");
    private static final Pattern HELP = Pattern.compile("(?m)^# HELP (shequ_[a-zA-Z0-9_]+) +\\S.*$");

    private MetricsHelp() {
    }

    public static Set<String> undocumented(String scrape) {
        Set<String> documented = new TreeSet<>();
        Matcher help = HELP.matcher(scrape);
        while (help.find()) {
            documented.add(help.group(1).replaceAll("_total$", ""));
        }
        Set<String> missing = new TreeSet<>();
        Matcher sample = SAMPLE.matcher(scrape);
        while (sample.find()) {
            String family = sample.group(1);
            if (!documented.contains(family) && !documented.contains(family + "_seconds")) {
                missing.add(family);
            }
        }
        return missing;
    }
}
