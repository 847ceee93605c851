package io.synod.rest;

import java.util.Map;

/**
 * A refusal the client can act on. Thrown by use cases (they stay free of HTTP types beyond the
 * status number) and turned into problem details by {@link ProblemMappers}.
 */
public class ProblemException extends RuntimeException {
    private final int status;
    private final String kind;
    private final String title;
    private final Map<String, ?> extensions;

    public ProblemException(int status, String kind, String title, String detail) {
        this(status, kind, title, detail, Map.of());
    }

    public ProblemException(int status, String kind, String title, String detail, Map<String, ?> extensions) {
        super(detail, null, false, false);
        this.status = status;
        this.kind = kind;
        this.title = title;
        this.extensions = extensions;
    }

    public static ProblemException notFound(String what, String id) {
        return new ProblemException(404, what + "-not-found", capitalize(what) + " not found",
                "no " + what + " " + id);
    }

    public static ProblemException badRequest(String kind, String detail) {
        return new ProblemException(400, kind, "Invalid request", detail);
    }

    public static ProblemException conflict(String kind, String title, String detail) {
        return new ProblemException(409, kind, title, detail);
    }

    public int status() {
        return status;
    }

    public String kind() {
        return kind;
    }

    public String title() {
        return title;
    }

    public Map<String, ?> extensions() {
        return extensions;
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1).replace('-', ' ');
    }
}
