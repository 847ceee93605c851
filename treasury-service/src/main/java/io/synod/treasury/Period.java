package io.synod.treasury;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A budget period: a calendar quarter in UTC, written {@code 2027-Q1}. */
public record Period(int year, int quarter) implements Comparable<Period> {
    private static final Pattern FORM = Pattern.compile("^(\\d{4})-Q([1-4])$");

    public Period {
        if (year < 2000 || year > 9999 || quarter < 1 || quarter > 4) {
            throw new IllegalArgumentException("not a quarter: " + year + "-Q" + quarter);
        }
    }

    public static Period parse(String s) {
        Matcher m = s == null ? null : FORM.matcher(s);
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("a period looks like 2027-Q1, not " + s);
        }
        return new Period(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    public static Period of(Instant t) {
        ZonedDateTime d = t.atZone(ZoneOffset.UTC);
        return new Period(d.getYear(), (d.getMonthValue() - 1) / 3 + 1);
    }

    @Override
    public int compareTo(Period o) {
        return year != o.year ? Integer.compare(year, o.year) : Integer.compare(quarter, o.quarter);
    }

    @Override
    public String toString() {
        return year + "-Q" + quarter;
    }
}
