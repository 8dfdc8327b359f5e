package de.lotse.api;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Which requests belong to the JSON API, decided in one place for the filters, the security chain and the pages'
 * error handling: by the path within the application, so that a service deployed under a context path
 * ({@code server.servlet.context-path}) applies its API limits and keys all the same.
 */
public final class ApiPaths {

    /** Everything of the JSON API lives below this path. */
    public static final String API = "/api/";
    /** The admin part of the API (HTTP Basic, not the API key). */
    public static final String ADMIN = "/api/v1/admin/";

    private ApiPaths() {
    }

    /** The request's path without the context path, as the controllers and the security chain match it. */
    public static String pathWithinApplication(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        return context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }

    /** Whether a path within the application is one of the JSON API. */
    public static boolean isApi(String path) {
        return path.startsWith(API);
    }

    /** Whether the request is one of the JSON API. */
    public static boolean isApi(HttpServletRequest request) {
        return isApi(pathWithinApplication(request));
    }
}
