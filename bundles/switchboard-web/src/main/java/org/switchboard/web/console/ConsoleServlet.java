package org.switchboard.web.console;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Map;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.http.whiteboard.HttpWhiteboardConstants;
import org.switchboard.web.server.WebConfig;

/**
 * The agent and supervisor console at {@code /switchboard/console/}: static HTML, CSS and ES modules
 * from this bundle's {@code /console} folder. Nothing else is served: no directory listings, no
 * paths outside that folder. The console may not be framed; its {@code widget.html}, the panel that
 * {@code /switchboard/widget.js} puts on a CRM's pages, may be framed by the configured widget origins.
 */
@Component(service = Servlet.class, configurationPid = "org.switchboard.web", property = {
        HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_NAME + "=switchboard-console",
        HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN + "=" + ConsoleServlet.PATH + "/*",
        HttpWhiteboardConstants.HTTP_WHITEBOARD_CONTEXT_SELECT + "=(" + HttpWhiteboardConstants.HTTP_WHITEBOARD_CONTEXT_NAME
                + "=" + HttpWhiteboardConstants.HTTP_WHITEBOARD_DEFAULT_CONTEXT_NAME + ")"})
public final class ConsoleServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final String PATH = "/switchboard/console";
    static final String FOLDER = "/console";

    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html;charset=utf-8",
            "css", "text/css;charset=utf-8",
            "js", "text/javascript;charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "json", "application/json");

    static final String WIDGET_PAGE = "/widget.html";

    private volatile String widgetAncestors = "'self'";

    @Activate
    @Modified
    void configure(WebConfig config) {
        widgetAncestors = frameAncestors(config.widgetOrigins());
    }

    /** The CSP {@code frame-ancestors} sources for the widget page: ours and the configured origins. */
    static String frameAncestors(String[] origins) {
        StringBuilder sources = new StringBuilder("'self'");
        for (String origin : origins == null ? new String[0] : origins) {
            if (!origin.matches("[A-Za-z0-9:/.,\\s*-]*")) {
                continue; // not a list of origins: none of it goes into the policy
            }
            for (String one : origin.split("[,\\s]+")) {
                String o = one.strip();
                if (o.equals("*") || o.matches("https?://[A-Za-z0-9.-]+(:\\d{1,5})?")) {
                    sources.append(' ').append(o);
                }
            }
        }
        return sources.toString();
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        if (path == null) {
            response.sendRedirect(request.getContextPath() + PATH + "/");
            return;
        }
        if (path.equals("/")) {
            path = "/index.html";
        }
        String type = typeOf(path);
        URL resource = type == null || path.contains("..") || path.contains("//") || path.contains("\\")
                ? null : ConsoleServlet.class.getResource(FOLDER + path);
        if (resource == null) {
            response.sendError(404);
            return;
        }
        response.setContentType(type);
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; frame-ancestors "
                + (path.equals(WIDGET_PAGE) ? widgetAncestors : "'none'"));
        try (InputStream in = resource.openStream()) {
            in.transferTo(response.getOutputStream());
        }
    }

    private static String typeOf(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? null : TYPES.get(path.substring(dot + 1));
    }
}
