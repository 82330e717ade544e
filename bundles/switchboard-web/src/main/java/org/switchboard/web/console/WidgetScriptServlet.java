package org.switchboard.web.console;

import java.io.IOException;
import java.io.InputStream;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.HttpWhiteboardConstants;

/**
 * {@code /switchboard/widget.js}: the script a CRM page includes to get Switchboard's panel (the
 * agent's presence, their screen pops, click-to-call on {@code tel:} links). It frames the console's
 * {@code widget.html} from the origin it was loaded from.
 */
@Component(service = Servlet.class, property = {
        HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_NAME + "=switchboard-widget",
        HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN + "=" + WidgetScriptServlet.PATH,
        HttpWhiteboardConstants.HTTP_WHITEBOARD_CONTEXT_SELECT + "=(" + HttpWhiteboardConstants.HTTP_WHITEBOARD_CONTEXT_NAME
                + "=" + HttpWhiteboardConstants.HTTP_WHITEBOARD_DEFAULT_CONTEXT_NAME + ")"})
public final class WidgetScriptServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final String PATH = "/switchboard/widget.js";
    private static final String RESOURCE = "/widget/widget.js";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/javascript;charset=utf-8");
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Content-Type-Options", "nosniff");
        try (InputStream in = WidgetScriptServlet.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                response.sendError(404);
                return;
            }
            in.transferTo(response.getOutputStream());
        }
    }
}
